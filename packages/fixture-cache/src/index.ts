// The public API, listed in the README ("Public API"); everything else is internal to the package.
export { cachedFile } from './cachedFile';
export { cachedTable } from './cachedTable';
export { cacheEnabled, DEFAULTS, defaultCacheDir, resolveCacheDir } from './config';
export { FixtureCacheError, type FixtureCacheErrorCode, isFixtureCacheError } from './errors';
export { type ClearResult, clearCache, INVALIDATE_FLAG } from './invalidation';
export { CACHE_VERSION, canonicalize } from './key';
export { clearMemoryLayer } from './memoryLayer';
export { getCacheStats, resetCacheStats } from './stats';
export type {
  CacheOptions,
  CacheStats,
  FileCacheOptions,
  TableCacheOptions,
  TableFormatName,
  VerifyMode,
} from './types';
