import { JestPerfError, type JestPerfErrorOptions } from '@jest-perf/core';

/** Stable codes of the errors `@jest-perf/datasets` raises on purpose (listed with core's `ERROR_CODES`). */
export type DatasetErrorCode =
  | 'JEST_PERF_DATASET_NAME_INVALID'
  | 'JEST_PERF_DATASET_NOT_FOUND'
  | 'JEST_PERF_DATASET_CONFIG_INVALID'
  | 'JEST_PERF_DATASET_FILE_MISSING'
  | 'JEST_PERF_DATASET_PATH_OUTSIDE'
  | 'JEST_PERF_DATASETS_DIR_MISSING';

/** A {@link JestPerfError} (what, where, fix) with this package's codes; `code` is stable so tests can branch on it. */
export class DatasetError extends JestPerfError<DatasetErrorCode> {
  /** The message without the file and fix lines: short enough for a skip title. */
  readonly reason: string;

  constructor(code: DatasetErrorCode, reason: string, options: JestPerfErrorOptions = {}) {
    super(code, reason, options);
    this.name = 'DatasetError';
    this.reason = reason;
  }
}

/** True for a {@link DatasetError}, also one thrown by a copy of this module loaded in another Jest test file. */
export function isDatasetError(error: unknown): error is DatasetError {
  if (error instanceof DatasetError) return true;
  // Each Jest test file has its own realm and module registry: compare by shape, not by class.
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'DatasetError';
}
