/** Options shared by {@link cachedTable} and {@link cachedFile}. Every field is optional. */
export interface CacheOptions {
  /** Cache folder. Default: env `JEST_PERF_CACHE_DIR`, else `.jest-perf/cache` (the data folder's `cache/`) next to the nearest package.json. */
  dir?: string;
  /** Readable label shown in sidecars and log lines (and hashed into the key, so two fixtures never share one). */
  name?: string;
  /** Files whose contents are part of the key (usually the generator's own file): editing one rebuilds the entry. */
  sources?: readonly string[];
  /** Size cap of the cache folder in bytes (least recently used entries go first). Default 500 MB or env `JEST_PERF_CACHE_MAX_BYTES`. */
  maxBytes?: number;
  /** Byte cap of the in-process memory layer; 0 turns it off. Default 256 MB or env `JEST_PERF_CACHE_MEMORY_MAX_BYTES`. */
  memoryMaxBytes?: number;
  /** Build a missing entry once across workers, behind a lock file (default true). */
  lock?: boolean;
  /** How long a worker waits for another one's build before building itself (default 60 s). */
  lockTimeoutMs?: number;
  /** A lock older than this is broken even when its process looks alive (default 60 s). */
  staleLockMs?: number;
  /** `checksum` (default): sha256 of every file read from disk; `size`: size and parse only. */
  verify?: VerifyMode;
}

/** Storage format of a cached table. */
export type TableFormatName = 'arrow' | 'parquet';

/** How much a read from disk is checked before it is trusted. */
export type VerifyMode = 'checksum' | 'size';

/** Options of {@link cachedTable}. */
export interface TableCacheOptions extends CacheOptions {
  /** `arrow` (Arrow IPC file, default: fastest to load) or `parquet` (smaller on disk). */
  format?: TableFormatName;
}

/** Options of {@link cachedFile}. */
export interface FileCacheOptions extends CacheOptions {
  /** Extension of the cached file, e.g. `.xlsx` (default `.bin`); `build` receives a path ending with it. */
  extension?: string;
}

/** Counters of one process (one Jest worker): see {@link getCacheStats}. */
export interface CacheStats {
  /** Lookups served from the cache (disk or memory). */
  hits: number;
  /** Of the hits, those served by the in-process memory layer. */
  memoryHits: number;
  /** Lookups that had to build (absent entry, or entry found corrupt). */
  misses: number;
  /** Of the misses, entries found corrupt on disk, deleted and rebuilt. */
  rebuilds: number;
  /** Entries removed by the size cap. */
  evictions: number;
  /** Bytes read from the cache folder. */
  bytesRead: number;
  /** Bytes written to the cache folder. */
  bytesWritten: number;
  /** Time spent in `build` callbacks. */
  buildMs: number;
  /** Time spent loading hits (read, verify, decode). */
  loadMs: number;
  /** Sum over hits of the entry's recorded build time minus the time the hit took. */
  timeSavedMs: number;
  /** Lookups that waited for another worker's lock. */
  lockWaits: number;
  /** Calls made while the cache was switched off (`JEST_PERF_CACHE=off`, `DISABLE_TEST_CACHE=1`). */
  bypassed: number;
}

/** Name of one counter in {@link CacheStats}; the same names go to jest-perf's run file (group `fixtureCache`). */
export type CacheStatName = keyof CacheStats;
