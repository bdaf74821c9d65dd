import * as api from '../index';

describe('public API', () => {
  it('exports the cache functions, helpers and constants, and nothing internal', () => {
    expect(Object.keys(api).sort()).toEqual(
      [
        'CACHE_VERSION',
        'DEFAULTS',
        'FixtureCacheError',
        'INVALIDATE_FLAG',
        'cacheEnabled',
        'cachedFile',
        'cachedTable',
        'canonicalize',
        'clearCache',
        'clearMemoryLayer',
        'defaultCacheDir',
        'getCacheStats',
        'isFixtureCacheError',
        'resetCacheStats',
        'resolveCacheDir',
      ].sort(),
    );
    expect(api.CACHE_VERSION).toBe(1);
    expect(api.INVALIDATE_FLAG).toBe('.invalidate');
  });
});
