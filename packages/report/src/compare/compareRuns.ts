import { JestPerfError, type RunFile } from '@jest-perf/core';

/**
 * One row of a before/after comparison: the sum of some metrics of each run. Metrics are
 * `summary.<field>` (wallMs, totalDurationMs, hookMs, total...) or `counters.<group>.<name>`.
 */
export interface RowSpec {
  name: string;
  metrics: string[];
  /** What the row measures, shown under the table. */
  note?: string;
}

export interface ComparedRow {
  name: string;
  metrics: string[];
  note: string | undefined;
  before: number;
  after: number;
  /** before / after (how many times faster); null when `after` is 0. */
  speedup: number | null;
}

const SUMMARY_METRICS = ['wallMs', 'totalDurationMs', 'hookMs', 'total', 'passed', 'failed', 'skipped', 'slowCount'];

/** Rows when none are given: the run's wall, test and hook time, then every timed counter (`*Ms`). */
export function defaultRows(runs: readonly RunFile[]): RowSpec[] {
  const rows: RowSpec[] = [
    { name: 'wall time', metrics: ['summary.wallMs'] },
    { name: 'test time (sum, hooks included)', metrics: ['summary.totalDurationMs'] },
    { name: 'hook time', metrics: ['summary.hookMs'] },
  ];
  const counters = new Set<string>();
  for (const run of runs) {
    for (const [group, values] of Object.entries(run.counters)) {
      for (const name of Object.keys(values)) if (name.endsWith('Ms')) counters.add(`counters.${group}.${name}`);
    }
  }
  for (const metric of [...counters].sort()) rows.push({ name: metric.slice('counters.'.length), metrics: [metric] });
  return rows;
}

/** The value of one metric in a run; a counter the run never reported is 0 (nothing happened). */
export function metricValue(run: RunFile, metric: string): number {
  const [kind, ...rest] = metric.split('.');
  if (kind === 'summary' && rest.length === 1 && SUMMARY_METRICS.includes(rest[0] as string)) {
    return run.summary[rest[0] as keyof RunFile['summary']];
  }
  if (kind === 'counters' && rest.length === 2) {
    const [group, name] = rest as [string, string];
    return run.counters[group]?.[name] ?? 0;
  }
  throw new JestPerfError('JEST_PERF_USAGE', `"${metric}" is not a metric`, {
    fix: `use summary.<${SUMMARY_METRICS.join('|')}> or counters.<group>.<name> (e.g. counters.datasets.loadMs)`,
  });
}

/** Compares two runs row by row. */
export function compareRuns(before: RunFile, after: RunFile, rows: readonly RowSpec[] = defaultRows([before, after])) {
  return rows.map((row): ComparedRow => {
    const sum = (run: RunFile) => row.metrics.reduce((total, metric) => total + metricValue(run, metric), 0);
    const b = sum(before);
    const a = sum(after);
    return { name: row.name, metrics: row.metrics, note: row.note, before: b, after: a, speedup: a > 0 ? b / a : null };
  });
}
