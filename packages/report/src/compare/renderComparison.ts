import { markdownTable } from '../markdownTable';
import type { ComparedRow } from './compareRuns';

/** `12.3 s`, `850 ms`, or a plain count for metrics that are not times. */
function formatValue(value: number, timed: boolean): string {
  if (!timed) return String(Math.round(value * 100) / 100);
  return value >= 1000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`;
}

export function formatSpeedup(row: Pick<ComparedRow, 'before' | 'after' | 'speedup'>): string {
  if (row.speedup === null) return row.before > 0 ? 'all removed' : '—';
  if (row.before === 0) return 'new';
  if (row.speedup >= 100) return `${row.speedup.toFixed(0)}×`;
  if (row.speedup >= 10) return `${row.speedup.toFixed(1)}×`;
  return `${row.speedup.toFixed(2)}×`;
}

/** The comparison as a markdown table (before, after, speedup), with the rows' notes as a list below it. */
export function renderComparison(rows: readonly ComparedRow[], labels = { before: 'before', after: 'after' }): string {
  const table = markdownTable(
    ['', labels.before, labels.after, 'speedup'],
    rows.map((row) => {
      const timed = row.metrics.every((metric) => metric.endsWith('Ms'));
      return [row.name, formatValue(row.before, timed), formatValue(row.after, timed), formatSpeedup(row)];
    }),
  );
  const notes = rows.filter((row) => row.note).map((row) => `- **${row.name}**: ${row.note}`);
  return notes.length > 0 ? `${table}\n\n${notes.join('\n')}\n` : `${table}\n`;
}
