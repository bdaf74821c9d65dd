export { BASELINE_FIX, type ReadBaselineOptions, readBaseline, writeBaseline } from './baselineStore';
export { type BaselineSource, type BuildBaselineOptions, buildBaseline, type HistoryWindow } from './buildBaseline';
export {
  CHANGE_POINT_DEFAULTS,
  type ChangePointOptions,
  findChangePoints,
  type SeriesChangePoint,
} from './changePoints';
export {
  type CompareResult,
  type CurrentSource,
  compareRun,
  countVerdicts,
  emptyCounts,
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
export { type GateSeries, gateSeries, hookKey } from './gateSeries';
export { COMPUTES_SHARE } from './judge';
export { type MachineSpeed, machineSpeed, SPEED_MIN_MS, SPEED_MIN_TESTS } from './machineSpeed';
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
export { VERDICT_DEFAULTS } from './verdictOptions';
