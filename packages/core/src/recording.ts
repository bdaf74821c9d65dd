/**
 * `@jest-perf/core/recording`: what the reporter needs in Jest's process to record a run, without the rest
 * of core (the history index, exports, flaky and check reports). The reporter is built before any test
 * starts, and loading core's index there took 33 ms of the 38 ms its construction took (docs/benchmarks.md).
 * Types come from the index (`import type` loads nothing).
 */
export { writeFileAtomic } from './atomicWrite';
export { BASELINE_RUNS, BUILD_BASELINE, JEST_PERF_CLI } from './command';
export { loadConfig } from './config';
export { isJestPerfError } from './errors';
export { formatDuration } from './format';
export { dataPaths, pathFromCwd, relativePosix } from './paths';
export { encodeRun, listRunFiles, newRunId, saveRun } from './runStore';
export { addCounters, fileStartupMs, summarizeRun, testTimeByFile, totalHookMs } from './runSummary';
export { checkWorkerFileRecord } from './schemas/workerFileRecordValidator';
export { collectTags, describeId, testIdAndTags, uniqueTestIds } from './tags';
export { BUSY_OTHERS_SHARE } from './testbed';
export { RUN_FILE_VERSION } from './types';
