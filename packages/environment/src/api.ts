export { FileRecorder } from './FileRecorder';
export { baseOption, type EnvironmentClass, type JestPerfEnvironmentOptions, loadBaseEnvironment } from './resolveBase';
export { applyTagFilter, isFilteredOut, type TagFilter, tagFilterFromEnv } from './tagFilter';
export { type PerfChannel, withPerfTracking } from './withPerfTracking';
export { appendWorkerRecord, currentWorkerId, WORKER_DIR_ENV } from './workerFile';
export { wrappingEnvironment } from './wrappingEnvironment';
