/** Stable codes for every error jest-perf raises on purpose. */
export type JestPerfErrorCode =
  | 'JEST_PERF_CONFIG_INVALID'
  | 'JEST_PERF_FILE_MISSING'
  | 'JEST_PERF_FILE_CORRUPT'
  | 'JEST_PERF_FILE_INVALID'
  | 'JEST_PERF_VERSION_UNSUPPORTED'
  | 'JEST_PERF_BASELINE_MISSING'
  | 'JEST_PERF_NO_RUN_DATA'
  | 'JEST_PERF_USAGE'
  | 'JEST_PERF_PATH_OUTSIDE';

/**
 * An error a user can act on: the message says what is wrong, where, and how to fix it.
 * `code` is stable so tools (and tests) can branch on it without parsing text.
 */
export class JestPerfError extends Error {
  readonly code: JestPerfErrorCode;
  readonly file: string | undefined;
  readonly fix: string | undefined;

  constructor(
    code: JestPerfErrorCode,
    message: string,
    options: { file?: string; fix?: string; cause?: unknown } = {},
  ) {
    const where = options.file ? ` (${options.file})` : '';
    const fix = options.fix ? `\n  Fix: ${options.fix}` : '';
    super(`${message}${where}${fix}`, { cause: options.cause });
    this.name = 'JestPerfError';
    this.code = code;
    this.file = options.file;
    this.fix = options.fix;
  }
}

export function isJestPerfError(error: unknown): error is JestPerfError {
  return error instanceof JestPerfError;
}
