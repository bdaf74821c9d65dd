import type { FlakyReport, History, HistoryRun, RunFile, TestStatus } from '@jest-perf/core';
import type { ChangePoint, TestVerdict, TrendReport } from '@jest-perf/regression';
import type { Report } from '../buildReport';
import { durationBins, type HistogramBin } from './histogram';

/** What the HTML report is built from: the report model plus the raw data its charts need. */
export interface HtmlReportInput {
  report: Report;
  /** The reported run: every test goes into the searchable table and the histogram. */
  run: RunFile;
  /** The history, for the trend lines (null or empty: no trend charts). */
  history: History | null;
  /** Every test's change points (the report itself keeps only the top ones). */
  trends: TrendReport | null;
  /** The last `jest-perf flaky` report, when there is one. */
  flaky: FlakyReport | null;
  /** When the page was generated (ISO), shown in its footer. */
  generatedAt: string;
  /** Bars per chart and trend charts drawn: the report's `--top` (default 10). */
  top?: number;
}

/**
 * One row of the all-tests table: `[name, fileIndex, durationMs, setupMs, statusIndex, tags, verdict]`.
 * Arrays, not objects, because 10,000 of them ship in the page: the keys would double its size.
 */
export type TableRow = [string, number, number, number, number, string, string];

export interface TableData {
  files: string[];
  statuses: TestStatus[];
  rows: TableRow[];
}

/** One test's durations over the history, with why it was picked and its change points. */
export interface TrendSeries {
  id: string;
  reason: 'change point' | 'regressed';
  /** Index i is `runs[i]`; null where the test did not run (or did not pass). */
  valuesMs: (number | null)[];
  changePoints: ChangePoint[];
}

export interface CacheSummary {
  hits: number;
  misses: number;
  memoryHits: number;
  /** `hits / (hits + misses)`, null when there were no lookups. */
  hitRate: number | null;
  timeSavedMs: number;
  buildMs: number;
  rebuilds: number;
}

/** Everything the page shows, computed once on the server side. */
export interface HtmlModel {
  report: Report;
  generatedAt: string;
  /** Durations of the tests that ran (passed or failed), for the histogram. */
  histogram: HistogramBin[];
  ranCount: number;
  hookFiles: { file: string; hookMs: number }[];
  trends: { runs: HistoryRun[]; series: TrendSeries[] } | null;
  cache: CacheSummary | null;
  flaky: FlakyReport | null;
  table: TableData;
}

const STATUSES: TestStatus[] = ['passed', 'failed', 'skipped', 'todo'];

function tableOf(run: RunFile, verdicts: Map<string, TestVerdict['kind']>): TableData {
  const files: string[] = [];
  const fileIndex = new Map<string, number>();
  const rows = run.tests.map((test): TableRow => {
    let index = fileIndex.get(test.file);
    if (index === undefined) {
      index = files.push(test.file) - 1;
      fileIndex.set(test.file, index);
    }
    // The id repeats the file: the table shows the file in its own column.
    const prefix = `${test.file} › `;
    const name = test.id.startsWith(prefix) ? test.id.slice(prefix.length) : test.id;
    const round = (ms: number) => Math.round(ms * 10) / 10;
    return [
      name,
      index,
      round(test.durationMs),
      round(test.setupMs),
      STATUSES.indexOf(test.status),
      test.tags.join(' '),
      verdicts.get(test.id) ?? '',
    ];
  });
  return { files, statuses: STATUSES, rows };
}

function passedValues(history: History, id: string): (number | null)[] {
  const series = history.tests.get(id);
  if (!series) return history.runs.map(() => null);
  return Array.from(series.durationsMs, (ms, i) =>
    Number.isNaN(ms) || (series.statuses[i] ?? 'passed') !== 'passed' ? null : ms,
  );
}

/** The tests worth a trend line: the newest change points first, then the worst regressions. */
function trendSeries(input: HtmlReportInput, count: number): HtmlModel['trends'] {
  const { history, report, trends } = input;
  if (!history || history.runs.length === 0) return null;
  const picked = new Map<string, TrendSeries['reason']>();
  for (const change of report.trends?.changes ?? []) if (!picked.has(change.id)) picked.set(change.id, 'change point');
  const regressed = (report.regressions?.tests ?? [])
    .filter((v): v is Extract<TestVerdict, { kind: 'regressed' }> => v.kind === 'regressed')
    .sort((a, b) => b.change - a.change);
  for (const verdict of regressed) if (!picked.has(verdict.id)) picked.set(verdict.id, 'regressed');
  const pointsOf = new Map((trends?.tests ?? []).map((t) => [t.id, t.changePoints]));
  const series = [...picked]
    .filter(([id]) => history.tests.has(id))
    .slice(0, count)
    .map(([id, reason]) => ({ id, reason, valuesMs: passedValues(history, id), changePoints: pointsOf.get(id) ?? [] }));
  return { runs: history.runs, series };
}

function cacheOf(run: RunFile): CacheSummary | null {
  const group = run.counters.fixtureCache;
  if (!group) return null;
  const value = (name: string) => group[name] ?? 0;
  const lookups = value('hits') + value('misses');
  return {
    hits: value('hits'),
    misses: value('misses'),
    memoryHits: value('memoryHits'),
    hitRate: lookups > 0 ? value('hits') / lookups : null,
    timeSavedMs: value('timeSavedMs'),
    buildMs: value('buildMs'),
    rebuilds: value('rebuilds'),
  };
}

/** Builds the page's model: the report plus the histogram, trend series, cache rates and table rows. */
export function buildHtmlModel(input: HtmlReportInput): HtmlModel {
  const { report, run } = input;
  const top = input.top ?? 10;
  const ran = run.tests.filter((t) => t.status === 'passed' || t.status === 'failed');
  const verdicts = new Map((report.regressions?.tests ?? []).map((v) => [v.id, v.kind]));
  return {
    report,
    generatedAt: input.generatedAt,
    histogram: durationBins(ran.map((t) => t.durationMs)),
    ranCount: ran.length,
    hookFiles: run.files
      .filter((f) => f.hookMs > 0)
      .sort((a, b) => b.hookMs - a.hookMs)
      .slice(0, top)
      .map((f) => ({ file: f.path, hookMs: f.hookMs })),
    trends: trendSeries(input, top),
    cache: cacheOf(run),
    flaky: input.flaky,
    table: tableOf(run, verdicts),
  };
}
