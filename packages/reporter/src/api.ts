export { buildRunFile, type RunContext } from './buildRunFile';
export { isTrackingEnabled, type ReporterOptions, validateOptions } from './isEnabled';
export { PerfReporter } from './PerfReporter';
export { readWorkerRecords, type WorkerRecords } from './readWorkerRecords';
export { toRecords } from './toRecords';
