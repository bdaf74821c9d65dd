import { formatPercent } from '@jest-perf/regression';
import type { SlowTest } from '../buildReport';
import { formatTimeKind } from '../timeKind';
import { breakablePath, escapeHtml } from './escape';
import { formatMs } from './format';
import type { HtmlModel } from './model';
import { filterTable, note, section } from './parts';

/** Under the slowest-tests chart: whether each computes or waits, and what to do; empty when CPU was not measured. */
export function timeKindList(slowest: readonly SlowTest[]): string {
  const measured = slowest.filter((t) => t.time !== null);
  if (measured.length === 0) return '';
  const items = measured.map(
    (t) =>
      `<li class="time-kind ${t.time?.kind}" data-test-id="${escapeHtml(t.id)}"><strong>${breakablePath(t.id)}</strong> ` +
      `${escapeHtml(t.time ? formatTimeKind(t.time) : '')}</li>`,
  );
  return `<h3>CPU or wait</h3><ul class="time-kinds">${items.join('')}</ul>`;
}

/** The files with the most time outside their tests and hooks, with their share of the file and advice. */
export function startupSection(model: HtmlModel): string {
  const { totalMs, runtimeMs, files } = model.report.startup;
  if (files.length === 0)
    return section('startup', 'File start-up', note('No file spent time outside its tests and hooks.'));
  const share = runtimeMs > 0 ? ` (${formatPercent(totalMs / runtimeMs)} of ${formatMs(runtimeMs)})` : '';
  const intro = note(
    `Time in each file outside its tests and hooks (setup files, transform, module loading): ${formatMs(totalMs)} in all${share}.`,
  );
  const table = filterTable(
    'startup-table',
    'Files with the most start-up',
    [
      { label: 'file' },
      { label: 'start-up', numeric: true },
      { label: 'share of file', numeric: true },
      { label: 'advice' },
    ],
    files.map((f) => ({
      cells: [
        breakablePath(f.file),
        formatMs(f.startupMs),
        `${formatPercent(f.share)} of ${formatMs(f.runtimeMs)}`,
        escapeHtml(f.advice),
      ],
      search: f.file,
    })),
  );
  return section('startup', 'File start-up', `${intro}${table}`);
}
