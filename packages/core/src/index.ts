export { writeFileAtomic, writeJsonAtomic } from './atomicWrite';
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
export {
  appendToHistory,
  type History,
  type HistoryRun,
  readHistory,
  rewriteHistory,
  type SourceStamp,
  type TestSeries,
} from './history';
export { type SyncedHistory, syncHistory } from './historySync';
export { assertMeaning, baselineProblem, MAX_SANE_MS, MAX_SANE_THRESHOLD, runFileProblem } from './meaning';
export { type DataPaths, dataPaths, relativePosix } from './paths';
export { listRunFiles, newRunId, readLatestRun, readRunFile, type SaveRunResult, saveRun } from './runStore';
export { addCounters, summarizeRun, totalHookMs } from './runSummary';
export { baselineSchema } from './schemas/baseline.schema';
export { configSchema } from './schemas/config.schema';
export { flakyReportSchema } from './schemas/flakyReport.schema';
export { runFileSchema, workerFileRecordSchema } from './schemas/runFile.schema';
export { checkWorkerFileRecord, type WorkerRecordCheck } from './schemas/workerFileRecordValidator';
export {
  collectTags,
  describeId,
  extendTestId,
  makeTestId,
  parsePragmaTags,
  parseTitleTags,
  uniqueTestIds,
  WELL_KNOWN_TAGS,
} from './tags';
export { BUSY_OTHERS_SHARE, sameTestbed, testbedOf, testbedSlug } from './testbed';
export * from './types';
export { describeSchemaError, readValidatedJson, type ValidateOptions, validateWith } from './validate';
