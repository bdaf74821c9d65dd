import { COUNTER_GROUPS, countOnChannel } from '@jest-perf/core/channel';
import { processState } from './processState';
import type { CacheStatName, CacheStats } from './types';

function zero(): CacheStats {
  return {
    hits: 0,
    memoryHits: 0,
    misses: 0,
    rebuilds: 0,
    evictions: 0,
    bytesRead: 0,
    bytesWritten: 0,
    buildMs: 0,
    loadMs: 0,
    timeSavedMs: 0,
    lockWaits: 0,
    bypassed: 0,
  };
}

const counters = (): CacheStats => processState('stats', zero);

/** Adds to one counter and reports it to jest-perf's run file (group `fixtureCache`) when running under it. */
export function record(name: CacheStatName, delta = 1): void {
  if (delta === 0) return;
  counters()[name] += delta;
  countOnChannel(COUNTER_GROUPS.fixtureCache, name, delta);
}

/**
 * Counters of this process (this Jest worker: they survive from one test file to the next).
 * @example afterAll(() => console.log(getCacheStats())); // { hits: 12, misses: 1, timeSavedMs: 30512.4, ... }
 */
export function getCacheStats(): CacheStats {
  return { ...counters() };
}

/** Sets every counter of this process back to 0. */
export function resetCacheStats(): void {
  Object.assign(counters(), zero());
}
