import type { FlakyReport, History, HistoryRun, RunFile, TestStatus } from '@jest-perf/core';
import type { ChangePoint, TestVerdict, TrendReport } from '@jest-perf/regression';
import type { Report } from '../buildReport';
import { durationBins, type HistogramBin } from './histogram';

/** What the HTML report is built from: the report model plus the raw data its charts need. */
export interface HtmlReportInput {
  report: Report;
  /** The reported run: every test goes into the searchable table and the histogram. */
  run: RunFile;
  /** The history, for the trend lines (null, empty or under {@link MIN_TREND_RUNS} runs: no trend charts). */
  history: History | null;
  /** Every test's change points (the report itself keeps only the top ones). */
  trends: TrendReport | null;
  /** The last `jest-perf flaky` report, when there is one. */
  flaky: FlakyReport | null;
  /** When the page was generated (ISO), shown in its footer. */
  generatedAt: string;
  /** Bars per chart and most trend charts drawn: the report's `--top` (default 10). */
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

/** Runs a test must have been measured in before its trend line is drawn (and the history before any is). */
export const MIN_TREND_RUNS = 3;

/** The trends section: no history, a history too short for trends, or the lines drawn (maybe none). */
export type TrendsModel =
  | { state: 'no-history' }
  | { state: 'too-short'; runs: number }
  | { state: 'drawn'; runs: HistoryRun[]; series: TrendSeries[]; analysed: number };

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
  trends: TrendsModel;
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

/** A test's candidacy for a trend line: why, and how much time the change moved (what ranks it). */
interface TrendCandidate {
  reason: TrendSeries['reason'];
  impactMs: number;
}

function addCandidate(picked: Map<string, TrendCandidate>, id: string, candidate: TrendCandidate): void {
  const known = picked.get(id);
  if (!known) picked.set(id, candidate);
  else known.impactMs = Math.max(known.impactMs, candidate.impactMs);
}

/**
 * The tests worth a trend line: those with a change point or a regression, the ones whose change moved the
 * most time first (a 30 ms test that doubled matters less than a 5 s one that grew a fifth), and only those
 * measured in at least {@link MIN_TREND_RUNS} runs: one or two dots are not a trend.
 */
function trendsOf(input: HtmlReportInput, count: number): TrendsModel {
  const { history, report, trends } = input;
  if (!history || history.runs.length === 0) return { state: 'no-history' };
  if (history.runs.length < MIN_TREND_RUNS) return { state: 'too-short', runs: history.runs.length };
  const picked = new Map<string, TrendCandidate>();
  for (const test of trends?.tests ?? []) {
    const last = test.changePoints[test.changePoints.length - 1];
    if (last)
      addCandidate(picked, test.id, {
        reason: 'change point',
        impactMs: Math.abs(last.after.meanMs - last.before.meanMs),
      });
  }
  for (const verdict of report.regressions?.tests ?? []) {
    if (verdict.kind === 'regressed')
      addCandidate(picked, verdict.id, { reason: 'regressed', impactMs: Math.abs(verdict.deltaMs) });
  }
  const pointsOf = new Map((trends?.tests ?? []).map((t) => [t.id, t.changePoints]));
  const series = [...picked]
    .sort(([a, x], [b, y]) => y.impactMs - x.impactMs || (a < b ? -1 : 1))
    .map(([id, { reason }]) => ({
      id,
      reason,
      valuesMs: passedValues(history, id),
      changePoints: pointsOf.get(id) ?? [],
    }))
    .filter((line) => line.valuesMs.filter((ms) => ms !== null).length >= MIN_TREND_RUNS)
    .slice(0, count);
  return { state: 'drawn', runs: history.runs, series, analysed: trends?.analysed ?? 0 };
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
    trends: trendsOf(input, top),
    cache: cacheOf(run),
    flaky: input.flaky,
    table: tableOf(run, verdicts),
  };
}
