import { formatDuration } from '@jest-perf/core/recording';
import type { NextCommand } from './nextCommand';
import { shortenMiddle } from './shortenMiddle';
import type { SlowFileRow, SlowTestRow } from './slowest';

/** Everything the end-of-run summary shows. */
export interface SummaryInput {
  tests: number;
  slow: number;
  slowTestMs: number;
  /** Why the run is incomplete, when it is. */
  incompleteReasons: string[];
  slowestTests: SlowTestRow[];
  slowestFiles: SlowFileRow[];
  /** The run file's path, from the user's cwd. */
  runFile: string;
  next: NextCommand;
}

/** Terminal width the summary fits (Jest's own summary assumes a standard terminal, too). */
export const SUMMARY_WIDTH = 80;
const INDENT = '  ';
const GAP = '  ';

interface Column {
  header: string;
  cells: string[];
}

/**
 * Why a cpu share can pass 100 %: the CPU time is the worker process's (`process.cpuUsage()`), so V8's
 * garbage-collector and compiler threads, running beside the test, count too.
 */
export const CPU_OVER_WALL = "cpu over 100%: the worker's GC and compiler threads ran beside the code";

const percent = (ratio: number): string => `${Math.min(999, Math.round(ratio * 100))}%`;

/** CPU and wait shares of a time, as two columns; none when no row has its CPU time recorded. */
function cpuColumns(shares: (number | null)[]): Column[] {
  if (shares.every((share) => share === null)) return [];
  return [
    { header: 'cpu', cells: shares.map((share) => (share === null ? '-' : percent(share))) },
    { header: 'wait', cells: shares.map((share) => (share === null ? '-' : percent(Math.max(0, 1 - share)))) },
  ];
}

/**
 * A table of names and right-aligned numbers within {@link SUMMARY_WIDTH}: the name column takes the
 * room the numbers leave, and a longer name is shortened in its middle.
 */
function table(title: string, names: string[], columns: Column[]): string[] {
  const widths = columns.map((column) => Math.max(column.header.length, ...column.cells.map((cell) => cell.length)));
  const numbersWidth = widths.reduce((sum, width) => sum + GAP.length + width, 0);
  const room = SUMMARY_WIDTH - INDENT.length - numbersWidth;
  const nameWidth = Math.min(room, Math.max(Array.from(title).length, ...names.map((name) => Array.from(name).length)));
  const line = (name: string, cells: string[]): string =>
    `${INDENT}${shortenMiddle(name, nameWidth).padEnd(nameWidth)}${cells.map((cell, i) => GAP + cell.padStart(widths[i] ?? 0)).join('')}`.trimEnd();
  return [
    line(
      title,
      columns.map((column) => column.header),
    ),
    ...names.map((name, row) =>
      line(
        name,
        columns.map((column) => column.cells[row] ?? ''),
      ),
    ),
  ];
}

/** `label value`, with `value` moved to its own line when both do not fit in {@link SUMMARY_WIDTH}. */
function labelled(label: string, value: string): string[] {
  const text = `${INDENT}${label} ${value}`;
  return Array.from(text).length <= SUMMARY_WIDTH
    ? [text]
    : [`${INDENT}${label.trimEnd()}`, `${INDENT}${INDENT}${value}`];
}

/**
 * The summary printed at the end of a tracked run: the slowest tests and files with where their time
 * went, the run file, and the one command worth running next. Lines fit {@link SUMMARY_WIDTH} columns
 * (a path longer than a line is kept whole: a shortened path cannot be opened).
 */
export function renderSummary(input: SummaryInput): string {
  const incomplete =
    input.incompleteReasons.length > 0 ? ` (incomplete: ${input.incompleteReasons.length} problem(s))` : '';
  const lines = [
    `jest-perf: ${input.tests} tests tracked, ${input.slow} slow (over ${formatDuration(input.slowTestMs)})${incomplete}`,
  ];
  for (const reason of input.incompleteReasons) lines.push(`${INDENT}${shortenMiddle(reason, SUMMARY_WIDTH - 4)}`);
  if (input.slowestTests.length > 0) {
    const rows = input.slowestTests;
    lines.push(
      '',
      ...table(
        `slowest tests`,
        rows.map((row) => row.id),
        [
          { header: 'time', cells: rows.map((row) => formatDuration(row.durationMs)) },
          ...cpuColumns(rows.map((row) => row.cpuShare)),
        ],
      ),
    );
  }
  if (input.slowestFiles.length > 0) {
    const rows = input.slowestFiles;
    lines.push(
      '',
      ...table(
        'slowest files',
        rows.map((row) => row.path),
        [
          { header: 'time', cells: rows.map((row) => formatDuration(row.runtimeMs)) },
          { header: 'hooks', cells: rows.map((row) => percent(row.hookShare)) },
          { header: 'start-up', cells: rows.map((row) => percent(row.startupShare)) },
          ...cpuColumns(rows.map((row) => row.cpuShare)),
        ],
      ),
      `${INDENT}start-up: time outside tests and hooks (imports, setup); wait: off the CPU`,
    );
  }
  const shares = [...input.slowestTests, ...input.slowestFiles].map((row) => row.cpuShare ?? 0);
  if (shares.some((share) => share > 1)) lines.push(`${INDENT}${CPU_OVER_WALL}`);
  lines.push('', ...labelled('run file', input.runFile), ...labelled('next    ', input.next.command));
  lines.push(`${INDENT}         ${shortenMiddle(input.next.why, SUMMARY_WIDTH - 11)}`);
  return `${lines.join('\n')}\n`;
}
