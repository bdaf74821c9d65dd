/** Stable codes for the errors the fixture cache raises on purpose. */
export type FixtureCacheErrorCode =
  /** The key inputs hold something that has no stable serialisation (a function, undefined, NaN...). */
  | 'JEST_PERF_CACHE_KEY_INVALID'
  /** A file named in `options.sources` cannot be read, so the key cannot be computed. */
  | 'JEST_PERF_CACHE_SOURCE_MISSING'
  /** `build` returned something the cache cannot store (not an Arrow Table, no file written). */
  | 'JEST_PERF_CACHE_BUILD_INVALID'
  /** A corrupt entry (e.g. a folder where a file belongs) could not be removed to rebuild it. */
  | 'JEST_PERF_CACHE_ENTRY_STUCK';

/**
 * An error a user can act on: the message says what is wrong and how to fix it; `code` is stable so
 * tests and tools can branch on it without parsing text. Bad options are plain `TypeError`s instead,
 * like Jest's own option checks.
 */
export class FixtureCacheError extends Error {
  readonly code: FixtureCacheErrorCode;

  constructor(code: FixtureCacheErrorCode, message: string, options: { fix?: string; cause?: unknown } = {}) {
    super(options.fix ? `${message}\n  Fix: ${options.fix}` : message, { cause: options.cause });
    this.name = 'FixtureCacheError';
    this.code = code;
  }
}

/** True for the errors this package raises on purpose. */
export function isFixtureCacheError(error: unknown): error is FixtureCacheError {
  return error instanceof FixtureCacheError;
}
