import { formatDuration, JEST_PERF_CLI, TRACK_RUN } from '@jest-perf/core';
import type { RunEntry } from './listRuns';

/** `2026-11-24 11:07` in the local time zone: when the run started, as the user's clock said. */
function localMinute(iso: string): string {
  const date = new Date(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}`;
}

function statusText(entry: RunEntry): string {
  if (entry.status === 'failed') return `${entry.failed} failed`;
  if (entry.status === 'unreadable') return `unreadable: ${entry.problem ?? ''}`;
  return entry.status;
}

/** The stored runs as a text table, newest first, with how to name them. */
export function renderRuns(runs: RunEntry[], stored: number): string {
  if (runs.length === 0) return `No stored runs yet: track one with ${TRACK_RUN}\n`;
  const rows = runs.map((entry) => [
    entry.ref,
    entry.runId,
    entry.startedAt ? localMinute(entry.startedAt) : '-',
    entry.commit ? entry.commit.slice(0, 7) : '-',
    entry.tests === null ? '-' : String(entry.tests),
    entry.wallMs === null ? '-' : formatDuration(entry.wallMs),
    statusText(entry),
  ]);
  const header = ['ref', 'id', 'date', 'commit', 'tests', 'wall', 'status'];
  const rightAligned = new Set([4, 5]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) =>
        column === cells.length - 1
          ? cell
          : rightAligned.has(column)
            ? cell.padStart(widths[column] ?? 0)
            : cell.padEnd(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd();
  const shown =
    runs.length < stored ? `${runs.length} of ${stored} stored runs (--limit to see more)` : `${stored} stored run(s)`;
  return [
    line(header),
    ...rows.map(line),
    '',
    `${shown}; name one by its ref or its id (or the start of the id):`,
    `  ${JEST_PERF_CLI} report --run latest~1      ${JEST_PERF_CLI} compare latest~1 latest`,
    '',
  ].join('\n');
}
