// The public API, listed in the README ("Public API"): the contract every jest-perf package shares.
export { writeFileAtomic, writeJsonAtomic } from './atomicWrite';
export { type ReadBaseline, readBaselineFile } from './baselineFile';
export {
  CHECK_REPORT_VERSION,
  type CheckReport,
  type CheckReportEntry,
  type CheckVerdictKind,
} from './checkReport';
export {
  BASELINE_RUNS,
  BUILD_BASELINE,
  commandFor,
  installDevCommand,
  JEST_PERF_CLI,
  type PackageManager,
  packageManagerOf,
  runScriptCommand,
  TRACK_FIRST_FIX,
  TRACK_RUN,
} from './command';
export { CONFIG_FILE, DEFAULT_CONFIG, loadConfig, resolveConfig } from './config';
export { type ConfinedPathContext, type Confinement, confinedPath, isInside, locateInside } from './confinedPath';
export { isJestPerfError, JestPerfError, type JestPerfErrorCode, type JestPerfErrorOptions } from './errors';
export {
  FLAKY_REPORT_VERSION,
  type FlakyFile,
  type FlakyReport,
  type FlakyStatus,
  type FlakySummary,
  type FlakyTest,
  readFlakyReport,
  writeFlakyReport,
} from './flakyReport';
export { formatDuration } from './format';
export {
  type History,
  type HistoryRun,
  readHistory,
  rewriteHistory,
  type TestSeries,
} from './history';
export { exportHistory, type HistoryExportResult, type HistoryImportResult, importHistory } from './historyCarry';
export { type ExportedRun, type HistoryExportFile, readHistoryExport } from './historyExport';
export { type SyncedHistory, syncHistory } from './historySync';
export { assertMeaning, baselineProblem } from './meaning';
export {
  DATA_DIR_PATTERN,
  type DataPaths,
  DEFAULT_DATA_DIR,
  dataPaths,
  ignoringDataDir,
  pathFromCwd,
  relativePosix,
} from './paths';
export {
  encodeRun,
  listRunFiles,
  newRunId,
  readLatestRun,
  readRunFile,
  type SaveRunResult,
  saveRun,
} from './runStore';
export { addCounters, fileStartupMs, summarizeRun, testTimeByFile, totalHookMs } from './runSummary';
export { baselineSchema } from './schemas/baseline.schema';
export { checkReportSchema } from './schemas/checkReport.schema';
export { configSchema } from './schemas/config.schema';
export { flakyReportSchema } from './schemas/flakyReport.schema';
export { historyExportHeaderSchema } from './schemas/historyExport.schema';
export { runFileSchema, workerFileRecordSchema } from './schemas/runFile.schema';
export { checkWorkerFileRecord, type WorkerRecordCheck } from './schemas/workerFileRecordValidator';
export {
  collectTags,
  describeId,
  extendTestId,
  makeTestId,
  parsePragmaTags,
  parseTitleTags,
  testIdAndTags,
  uniqueTestIds,
  WELL_KNOWN_TAGS,
} from './tags';
export { BUSY_OTHERS_SHARE, sameTestbed, testbedOf, testbedSlug } from './testbed';
export * from './types';
export {
  describeSchemaError,
  readValidatedJson,
  type ValidateOptions,
  validateWith,
} from './validate';
