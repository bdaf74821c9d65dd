import realFs, * as fs from 'node:fs';
import * as path from 'node:path';
import { cachedTable } from '../cachedTable';
import { evictToFit } from '../eviction';
import { getCacheStats } from '../stats';
import { ORPHAN_AGE_MS } from '../store';
import { entryFiles, makeTable, useCacheSandbox } from './helpers/setup';

const sandbox = useCacheSandbox();
const KB = 1024;
const keyOf = (n: number): string => n.toString(16).padStart(64, '0');

/** An entry of `bytes` data bytes (plus a small sidecar) last used at `lastAccess`. */
function entry(n: number, lastAccess: string, bytes = 10 * KB): number {
  const key = keyOf(n);
  fs.writeFileSync(path.join(sandbox.dir(), `${key}.arrow`), Buffer.alloc(bytes));
  const sidecar = JSON.stringify({ lastAccess });
  fs.writeFileSync(path.join(sandbox.dir(), `${key}.meta.json`), sidecar);
  return bytes + sidecar.length;
}

const keysLeft = (): string[] => [...new Set(entryFiles(sandbox.dir()).map((name) => name.slice(0, 64)))];

describe('evictToFit', () => {
  it('removes least recently used entries first until the folder fits the cap', () => {
    const size = entry(1, '2024-01-03T00:00:00.000Z');
    entry(2, '2024-01-01T00:00:00.000Z');
    entry(3, '2024-01-04T00:00:00.000Z');
    entry(4, '2024-01-02T00:00:00.000Z');

    const result = evictToFit(sandbox.dir(), 2 * size);

    expect(result).toEqual({ totalBytes: 4 * size, evicted: 2, freedBytes: 2 * size });
    expect(keysLeft()).toEqual([keyOf(1), keyOf(3)]);
  });

  it('does nothing under the cap', () => {
    const size = entry(1, '2024-01-01T00:00:00.000Z');

    expect(evictToFit(sandbox.dir(), 10 * size)).toMatchObject({ evicted: 0, totalBytes: size });
    expect(keysLeft()).toEqual([keyOf(1)]);
  });

  it('never removes an entry with a lock file (being written) or the protected entry', () => {
    entry(1, '2024-01-01T00:00:00.000Z');
    entry(2, '2024-01-02T00:00:00.000Z');
    entry(3, '2024-01-03T00:00:00.000Z');
    fs.writeFileSync(path.join(sandbox.dir(), `${keyOf(1)}.lock`), '{}');

    evictToFit(sandbox.dir(), 1, keyOf(2));

    expect(keysLeft()).toEqual([keyOf(1), keyOf(2)]);
  });

  it('counts in-flight temp files towards the cap but never removes them', () => {
    const size = entry(1, '2024-01-01T00:00:00.000Z');
    const temp = path.join(sandbox.dir(), `.${keyOf(9)}.123.abcd.tmp.arrow`);
    fs.writeFileSync(temp, Buffer.alloc(size));

    const result = evictToFit(sandbox.dir(), size + 10);

    expect(result).toMatchObject({ totalBytes: 2 * size, evicted: 1 });
    expect(fs.existsSync(temp)).toBe(true);
  });

  it('evicts entries with unreadable metadata first', () => {
    entry(1, '2024-01-01T00:00:00.000Z');
    entry(2, 'not a date');
    entry(3, '2024-01-02T00:00:00.000Z');
    fs.writeFileSync(path.join(sandbox.dir(), `${keyOf(3)}.meta.json`), '{broken');

    evictToFit(sandbox.dir(), 12 * KB);

    expect(keysLeft()).toEqual([keyOf(1)]);
  });

  it('cleans up old leftovers of crashed workers: temp files and data without a sidecar', () => {
    const now = Date.now();
    const oldTemp = path.join(sandbox.dir(), `.${keyOf(7)}.1.abcd.tmp.arrow`);
    const orphan = path.join(sandbox.dir(), `${keyOf(8)}.arrow`);
    const freshOrphan = path.join(sandbox.dir(), `${keyOf(9)}.arrow`);
    for (const file of [oldTemp, orphan, freshOrphan]) fs.writeFileSync(file, 'x');
    const old = new Date(now - ORPHAN_AGE_MS - 1000);
    fs.utimesSync(oldTemp, old, old);
    fs.utimesSync(orphan, old, old);

    evictToFit(sandbox.dir(), 100 * KB, undefined, now);

    expect(fs.readdirSync(sandbox.dir())).toEqual([`${keyOf(9)}.arrow`]);
  });

  it('tolerates files vanishing while it runs (another worker evicting too)', () => {
    for (let n = 1; n <= 6; n += 1) entry(n, `2024-01-0${n}T00:00:00.000Z`);
    const stat = realFs.statSync;
    let calls = 0;
    const spy = jest.spyOn(realFs, 'statSync').mockImplementation(((
      file: fs.PathLike,
      options?: fs.StatSyncOptions,
    ) => {
      calls += 1;
      if (calls % 3 === 0) fs.rmSync(file, { force: true }); // gone between readdir and stat
      const result = stat(file, options);
      if (calls % 4 === 0) fs.rmSync(file, { force: true }); // gone between stat and read or remove
      return result;
    }) as typeof fs.statSync);
    try {
      expect(() => evictToFit(sandbox.dir(), 15 * KB)).not.toThrow();
    } finally {
      spy.mockRestore();
    }
    expect(calls).toBeGreaterThan(6);
  });

  it('returns zeros for a folder that does not exist', () => {
    expect(evictToFit(path.join(sandbox.dir(), 'none'), 1)).toEqual({ totalBytes: 0, evicted: 0, freedBytes: 0 });
  });
});

describe('the size cap through cachedTable', () => {
  it('keeps the folder under maxBytes, dropping the least recently used table, and counts evictions', async () => {
    const dir = sandbox.dir();
    const options = { dir, memoryMaxBytes: 0 };
    await cachedTable({ n: 1 }, () => makeTable(1000, 1), options);
    const one = fs.readdirSync(dir).reduce((sum, name) => sum + fs.statSync(path.join(dir, name)).size, 0);
    await cachedTable({ n: 2 }, () => makeTable(1000, 2), options);
    await new Promise((resolve) => setTimeout(resolve, 5)); // lastAccess has ms resolution
    await cachedTable({ n: 1 }, () => makeTable(1000, 1), options); // a hit: n=1 becomes the most recent
    const build3 = jest.fn(() => makeTable(1000, 3));

    await cachedTable({ n: 3 }, build3, { ...options, maxBytes: Math.floor(2.5 * one) });

    expect(getCacheStats().evictions).toBe(1);
    const build2 = jest.fn(() => makeTable(1000, 2));
    const build1 = jest.fn(() => makeTable(1000, 1));
    await cachedTable({ n: 1 }, build1, { ...options, maxBytes: 10 * one });
    await cachedTable({ n: 2 }, build2, { ...options, maxBytes: 10 * one });
    expect(build1).not.toHaveBeenCalled();
    expect(build2).toHaveBeenCalledTimes(1);
  });
});
