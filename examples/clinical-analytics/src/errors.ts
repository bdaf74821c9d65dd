/** Stable codes for every error the app raises on purpose. */
export type AppErrorCode =
  | 'DATASET_CONFIG_INVALID'
  | 'DATASET_NOT_FOUND'
  | 'DATASET_FILE_MISSING'
  | 'DATASET_FILE_INVALID'
  | 'MAPPING_INVALID'
  | 'VALUE_COERCION_FAILED'
  | 'COLUMN_NOT_FOUND'
  | 'UNKNOWN_FIELD'
  | 'INVALID_FILTER'
  | 'UNSUPPORTED_QUESTION'
  | 'NO_PREVIOUS_QUERY'
  | 'LLM_FAILED'
  | 'SETTINGS_INVALID';

/**
 * An error a user can act on: the message says what is wrong, where, and how to fix it.
 * `code` is stable so callers (and tests) can branch on it without parsing text.
 */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly fix: string | undefined;

  constructor(code: AppErrorCode, message: string, options: { fix?: string; cause?: unknown } = {}) {
    super(options.fix ? `${message}\n  Fix: ${options.fix}` : message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.fix = options.fix;
  }
}

export function isAppError(error: unknown, code?: AppErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code);
}
