import { isJestPerfError, JestPerfError } from '@jest-perf/core';
import { FixtureCacheError, isFixtureCacheError } from '../errors';

describe('FixtureCacheError', () => {
  it('carries a stable code and appends the fix to the message', () => {
    const cause = new Error('inner');
    const error = new FixtureCacheError('JEST_PERF_CACHE_BUILD_INVALID', 'No table', { fix: 'return a Table', cause });

    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(JestPerfError);
    expect(isJestPerfError(error)).toBe(true);
    expect(error.name).toBe('FixtureCacheError');
    expect(error.code).toBe('JEST_PERF_CACHE_BUILD_INVALID');
    expect(error.message).toBe('No table\n  Fix: return a Table');
    expect(error.cause).toBe(cause);
    expect(new FixtureCacheError('JEST_PERF_CACHE_KEY_INVALID', 'bare').message).toBe('bare');
  });

  it('is recognised by isFixtureCacheError, other errors are not', () => {
    expect(isFixtureCacheError(new FixtureCacheError('JEST_PERF_CACHE_SOURCE_MISSING', 'x'))).toBe(true);
    expect(isFixtureCacheError(new Error('x'))).toBe(false);
    expect(isFixtureCacheError('JEST_PERF_CACHE_SOURCE_MISSING')).toBe(false);
  });
});
