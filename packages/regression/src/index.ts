// The public API, listed in the README ("Public API"); everything else is internal to the package.
export { BASELINE_FIX, type ReadBaselineOptions, readBaseline, writeBaseline } from './baselineStore';
export { type BaselineSource, type BuildBaselineOptions, buildBaseline, type HistoryWindow } from './buildBaseline';
export {
  type ChangePointOptions,
  findChangePoints,
  type SeriesChangePoint,
} from './changePoints';
export {
  type CompareResult,
  type CurrentSource,
  compareRun,
  countVerdicts,
  type VerdictCounts,
} from './compareRun';
export {
  describeVerdict,
  formatChange,
  formatCounts,
  formatDuration,
  formatPercent,
  formatSlowCount,
  formatVerdict,
} from './format';
export { hookKey } from './gateSeries';
export { COMPUTES_SHARE } from './judge';
export { newestRuns } from './newestRuns';
export { type RunWindow, type WindowSeries, windowFromHistory, windowFromRuns } from './runWindow';
export { durationStats, median } from './stats';
export { suiteOf } from './suites';
export { type ChangePoint, detectTrends, type TestTrend, type TrendReport } from './trends';
export type {
  Evidence,
  GateContext,
  Measurement,
  SlowCountVerdict,
  SuiteScope,
  SuiteVerdict,
  TestVerdict,
  UnconfirmedReason,
  Verdict,
  VerdictKind,
  VerdictOptions,
} from './types';
