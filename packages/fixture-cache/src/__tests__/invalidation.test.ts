import * as fs from 'node:fs';
import * as path from 'node:path';
import { main } from '../bin/clearCache';
import { cachedFile } from '../cachedFile';
import { cachedTable } from '../cachedTable';
import { clearCache, INVALIDATE_FLAG } from '../invalidation';
import { getCacheStats } from '../stats';
import { entryFiles, makeTable, useCacheSandbox } from './helpers/setup';

const sandbox = useCacheSandbox();

describe('invalidation', () => {
  it('clears everything when a .invalidate flag file appears, then removes the flag', async () => {
    const build = jest.fn(() => makeTable(4));
    const options = { dir: sandbox.dir() };
    await cachedTable({ a: 1 }, build, options);
    await cachedTable({ b: 1 }, build, options);
    fs.writeFileSync(path.join(sandbox.dir(), INVALIDATE_FLAG), '');

    await cachedTable({ a: 1 }, build, options);

    expect(build).toHaveBeenCalledTimes(3);
    expect(fs.existsSync(path.join(sandbox.dir(), INVALIDATE_FLAG))).toBe(false);
    expect(entryFiles(sandbox.dir())).toHaveLength(2); // only the rebuilt entry
    expect(sandbox.stderr()).toEqual([expect.stringContaining('removed 2 entries and the flag')]);
  });

  it('rebuilds when a source file of the fixture is edited', async () => {
    const source = path.join(sandbox.dir(), 'makeVisits.ts');
    fs.writeFileSync(source, 'export const version = 1;');
    const build = jest.fn(() => makeTable(4));
    const options = { dir: path.join(sandbox.dir(), 'cache'), sources: [source] };
    await cachedTable({ rows: 4 }, build, options);
    await cachedTable({ rows: 4 }, build, options);

    fs.writeFileSync(source, 'export const version = 2; // edited');
    await cachedTable({ rows: 4 }, build, options);

    expect(build).toHaveBeenCalledTimes(2);
  });

  it.each([
    ['JEST_PERF_CACHE', 'off'],
    ['DISABLE_TEST_CACHE', '1'],
  ])('with %s=%s builds every time and writes nothing', async (name, value) => {
    process.env[name] = value;
    const dir = path.join(sandbox.dir(), 'cache');
    const build = jest.fn(() => makeTable(3));
    const write = jest.fn((target: string) => fs.writeFileSync(target, 'file'));

    await cachedTable({ off: 1 }, build, { dir });
    const table = await cachedTable({ off: 1 }, build, { dir });
    const first = await cachedFile({ off: 1 }, write, { dir, extension: '.txt' });
    const second = await cachedFile({ off: 1 }, write, { dir, extension: '.txt' });

    expect(build).toHaveBeenCalledTimes(2);
    expect(table.numRows).toBe(3);
    expect(write).toHaveBeenCalledTimes(2);
    expect(first).not.toBe(second);
    expect(fs.readFileSync(second, 'utf8')).toBe('file');
    expect(fs.existsSync(dir)).toBe(false);
    expect(getCacheStats()).toMatchObject({ bypassed: 4, hits: 0, misses: 0, bytesWritten: 0 });
  });

  it('still rejects bad key inputs while the cache is off', async () => {
    process.env.JEST_PERF_CACHE = 'off';

    await expect(cachedTable({ f: () => 1 }, () => makeTable(1))).rejects.toMatchObject({
      code: 'JEST_PERF_CACHE_KEY_INVALID',
    });
  });
});

describe('clearCache', () => {
  it('removes entries and old leftovers, keeps locks, fresh temp files and the files live processes hold', async () => {
    const dir = sandbox.dir();
    await cachedTable({ a: 1 }, () => makeTable(4), { dir });
    await cachedFile({ b: 1 }, (t) => fs.writeFileSync(t, 'b'), { dir });
    const key = 'f'.repeat(64);
    fs.writeFileSync(path.join(dir, `${key}.lock`), '{}');
    const fresh = path.join(dir, `.${key}.1.abcd.tmp.arrow`);
    const old = path.join(dir, `.${key}.2.abcd.tmp.arrow`);
    fs.writeFileSync(fresh, 'partial');
    fs.writeFileSync(old, 'crashed');
    fs.utimesSync(old, new Date(0), new Date(0));

    const result = clearCache(dir);

    expect(result).toMatchObject({ dir, removedEntries: 2 });
    expect(result.removedBytes).toBeGreaterThan(0);
    expect(fs.readdirSync(dir).sort()).toEqual([`.${key}.1.abcd.tmp.arrow`, '.pinned', `${key}.lock`].sort());
    const [pins] = fs.readdirSync(path.join(dir, '.pinned'));
    expect(pins).toMatch(new RegExp(`-${process.pid}$`));
    expect(fs.readdirSync(path.join(dir, '.pinned', pins as string))).toHaveLength(1);
  });

  it('returns zero for a folder that does not exist', () => {
    expect(clearCache(path.join(sandbox.dir(), 'none'))).toMatchObject({ removedEntries: 0, removedBytes: 0 });
  });
});

describe('jest-perf-cache-clear', () => {
  it('clears the folder given as argument and says what it removed', async () => {
    await cachedTable({ a: 1 }, () => makeTable(4), { dir: sandbox.dir() });
    const out = jest.fn();

    expect(main([sandbox.dir()], out)).toBe(0);

    expect(out).toHaveBeenCalledWith(expect.stringMatching(/^Removed 1 fixture cache entries \(\d+\.\d MB\) from /));
    expect(entryFiles(sandbox.dir())).toEqual([]);
  });

  it('uses JEST_PERF_CACHE_DIR without an argument', () => {
    process.env.JEST_PERF_CACHE_DIR = sandbox.dir();
    const out = jest.fn();

    expect(main([], out)).toBe(0);

    expect(out).toHaveBeenCalledWith(`Removed 0 fixture cache entries (0.0 MB) from ${sandbox.dir()}`);
  });

  it('prints usage for --help (exit 0) and for unexpected arguments (exit 2)', () => {
    const out = jest.fn();
    const err = jest.fn();
    expect(main(['--help'], out, err)).toBe(0);
    expect(main(['a', 'b'], out, err)).toBe(2);
    expect(main(['--force'], out, err)).toBe(2);
    expect(out.mock.calls).toEqual([[expect.stringContaining('Usage: jest-perf-cache-clear [dir]')]]);
    expect(err.mock.calls.map(([line]) => line)).toEqual([
      expect.stringContaining('Unexpected arguments: a b'),
      expect.stringContaining('Example: jest-perf-cache-clear'),
    ]);
  });
});
