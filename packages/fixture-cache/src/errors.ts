import { JestPerfError } from '@jest-perf/core';

/** Stable codes for the errors the fixture cache raises on purpose (listed with core's `ERROR_CODES`). */
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
 * A {@link JestPerfError} with this package's codes: the message says what is wrong and how to fix it.
 * Bad options are plain `TypeError`s instead, like Jest's own option checks.
 */
export class FixtureCacheError extends JestPerfError<FixtureCacheErrorCode> {
  constructor(code: FixtureCacheErrorCode, message: string, options: { fix?: string; cause?: unknown } = {}) {
    super(code, message, options);
    this.name = 'FixtureCacheError';
  }
}

/** True for the errors this package raises on purpose. */
export function isFixtureCacheError(error: unknown): error is FixtureCacheError {
  return error instanceof FixtureCacheError;
}
