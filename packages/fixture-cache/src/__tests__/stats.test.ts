import * as fs from 'node:fs';
import type { PerfChannel } from '@jest-perf/core/channel';
import { cachedTable } from '../cachedTable';
import { getCacheStats, record, resetCacheStats } from '../stats';
import { makeTable, onlyFile, useCacheSandbox } from './helpers/setup';

const sandbox = useCacheSandbox();
type WithChannel = { __JEST_PERF__?: PerfChannel };

describe('stats', () => {
  let original: PerfChannel | undefined;
  let count: jest.Mock;
  beforeEach(() => {
    original = (globalThis as WithChannel).__JEST_PERF__;
    count = jest.fn();
    (globalThis as WithChannel).__JEST_PERF__ = { count, workerStore: new Map() };
  });
  afterEach(() => {
    if (original === undefined) delete (globalThis as WithChannel).__JEST_PERF__;
    else (globalThis as WithChannel).__JEST_PERF__ = original;
  });

  it('counts a miss, a disk hit and a memory hit, and reports each event to the jest-perf channel', async () => {
    const options = { dir: sandbox.dir() };
    await cachedTable({ rows: 100 }, () => makeTable(100), { ...options, memoryMaxBytes: 0 });
    const size = fs.statSync(onlyFile(sandbox.dir(), '.arrow')).size;
    await cachedTable({ rows: 100 }, () => makeTable(100), options); // disk hit, kept in memory
    await cachedTable({ rows: 100 }, () => makeTable(100), options); // memory hit

    const stats = getCacheStats();
    expect(stats).toMatchObject({
      misses: 1,
      hits: 2,
      memoryHits: 1,
      rebuilds: 0,
      bytesRead: size,
      bytesWritten: size,
    });
    expect(stats.buildMs).toBeGreaterThan(0);
    expect(stats.loadMs).toBeGreaterThan(0);
    const reported = (name: string): number =>
      count.mock.calls
        .filter(([group, n]) => group === 'fixtureCache' && n === name)
        .reduce((sum, [, , d]) => sum + d, 0);
    for (const name of Object.keys(stats) as (keyof typeof stats)[]) {
      expect([name, reported(name)]).toEqual([name, stats[name]]);
    }
  });

  it('sums timeSavedMs as recorded build time minus load time over hits', async () => {
    const options = { dir: sandbox.dir(), memoryMaxBytes: 0 };
    await cachedTable({ rows: 10 }, () => makeTable(10), options);
    const { buildMs } = JSON.parse(fs.readFileSync(onlyFile(sandbox.dir(), '.meta.json'), 'utf8')) as {
      buildMs: number;
    };
    resetCacheStats();

    await cachedTable({ rows: 10 }, () => makeTable(10), options);
    await cachedTable({ rows: 10 }, () => makeTable(10), options);

    const stats = getCacheStats();
    expect(stats.timeSavedMs).toBeCloseTo(2 * buildMs - stats.loadMs, 6);
  });

  it('records nothing for a zero delta, and resets to zero', () => {
    record('evictions', 0);
    expect(count).not.toHaveBeenCalled();
    record('evictions', 2);
    expect(getCacheStats().evictions).toBe(2);

    resetCacheStats();

    expect(Object.values(getCacheStats()).every((value) => value === 0)).toBe(true);
  });

  it('works without the channel (outside Jest): counters still add up', () => {
    delete (globalThis as WithChannel).__JEST_PERF__;
    resetCacheStats();

    record('hits');
    record('hits');

    expect(getCacheStats().hits).toBe(2);
  });

  it('keeps the counters in the worker store, so they outlive one test file', () => {
    const workerStore = new Map<string, unknown>();
    (globalThis as WithChannel).__JEST_PERF__ = { count, workerStore };

    record('misses', 3);

    const stored = [...workerStore.values()].find(
      (value) => typeof value === 'object' && value !== null && 'misses' in value,
    );
    expect(stored).toMatchObject({ misses: 3 });
  });
});
