export { BASELINE_FIX, readBaseline, writeBaseline } from './baselineStore';
export { type BaselineSource, buildBaseline, fileRuntimes, type HistoryWindow } from './buildBaseline';
export {
  CHANGE_POINT_DEFAULTS,
  type ChangePointOptions,
  findChangePoints,
  type SeriesChangePoint,
} from './changePoints';
export { type CompareResult, type CurrentSource, compareRun, type VerdictCounts } from './compareRun';
export { computeVerdict, type VerdictParams } from './computeVerdict';
export {
  formatChange,
  formatChangePoint,
  formatDuration,
  formatPercent,
  formatSlowCount,
  formatVerdict,
} from './format';
export { type MachineSpeed, machineSpeed, SPEED_MIN_MS, SPEED_MIN_TESTS, scaleStats } from './machineSpeed';
export { noiseBand, samplesNeeded } from './noiseBand';
export { type RunWindow, type WindowSeries, windowFromHistory, windowFromRuns } from './runWindow';
export { durationStats, median } from './stats';
export { suiteOf } from './suites';
export { type TTestResult, tCdf, tTwoSidedP, welchTTest } from './tDistribution';
export { type ChangePoint, detectTrends, type TestTrend, type TrendReport } from './trends';
export type {
  Measurement,
  SlowCountVerdict,
  SuiteVerdict,
  TestVerdict,
  Verdict,
  VerdictKind,
  VerdictOptions,
} from './types';
export { VERDICT_DEFAULTS } from './verdictOptions';
