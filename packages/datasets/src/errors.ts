/** Stable codes of the errors `@jest-perf/datasets` raises on purpose. */
export type DatasetErrorCode =
  | 'JEST_PERF_DATASET_NAME_INVALID'
  | 'JEST_PERF_DATASET_NOT_FOUND'
  | 'JEST_PERF_DATASET_CONFIG_INVALID'
  | 'JEST_PERF_DATASET_FILE_MISSING'
  | 'JEST_PERF_DATASET_PATH_OUTSIDE'
  | 'JEST_PERF_DATASETS_DIR_MISSING';

/**
 * An error a user can act on, shaped like `@jest-perf/core`'s `JestPerfError` (what, where, fix).
 * A separate class because core's code union is closed; `code` is stable so tests can branch on it.
 */
export class DatasetError extends Error {
  readonly code: DatasetErrorCode;
  readonly file: string | undefined;
  readonly fix: string | undefined;
  /** The message without the file and fix lines: short enough for a skip title. */
  readonly reason: string;

  constructor(code: DatasetErrorCode, reason: string, options: { file?: string; fix?: string; cause?: unknown } = {}) {
    const where = options.file ? ` (${options.file})` : '';
    const fix = options.fix ? `\n  Fix: ${options.fix}` : '';
    super(`${reason}${where}${fix}`, { cause: options.cause });
    this.name = 'DatasetError';
    this.code = code;
    this.file = options.file;
    this.fix = options.fix;
    this.reason = reason;
  }
}

/** True for a {@link DatasetError}, also one thrown by a copy of this module loaded in another Jest test file. */
export function isDatasetError(error: unknown): error is DatasetError {
  if (error instanceof DatasetError) return true;
  // Each Jest test file has its own realm and module registry: compare by shape, not by class.
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'DatasetError';
}
