import realFs, * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BYPASS_PREFIX, cachedFile } from '../cachedFile';
import { processFolder, removeDeadProcessFolders } from '../pin';
import { readSidecar } from '../sidecar';
import { getCacheStats } from '../stats';
import { onlyFile, useCacheSandbox } from './helpers/setup';

const sandbox = useCacheSandbox();
const pinFolder = (pid: number): string => `${os.hostname().replace(/[^A-Za-z0-9.-]/g, '_')}-${pid}`;

const writeText =
  (text: string) =>
  (target: string): void =>
    fs.writeFileSync(target, text);

describe('cachedFile', () => {
  it('builds the file once and returns the same path from then on', async () => {
    const build = jest.fn(writeText('id,name\n1,Ada\n'));
    const options = { dir: sandbox.dir(), extension: '.csv' };

    const first = await cachedFile({ rows: 1 }, build, options);
    const second = await cachedFile({ rows: 1 }, build, options);

    expect(build).toHaveBeenCalledTimes(1);
    expect(second).toBe(first);
    expect(path.dirname(first)).toBe(path.join(sandbox.dir(), '.pinned', pinFolder(process.pid)));
    expect(path.basename(first)).toMatch(/^[0-9a-f]{64}\.csv$/);
    expect(fs.readFileSync(first, 'utf8')).toBe('id,name\n1,Ada\n');
    // a hard link to the entry: same bytes, no copy
    expect(fs.statSync(first).ino).toBe(fs.statSync(path.join(sandbox.dir(), path.basename(first))).ino);
  });

  it('hands build a temp path in the cache folder that ends with the extension', async () => {
    let target = '';
    await cachedFile(
      { any: true },
      (t) => {
        target = t;
        fs.writeFileSync(t, 'x');
      },
      { dir: sandbox.dir(), extension: '.xlsx' },
    );

    expect(path.dirname(target)).toBe(sandbox.dir());
    expect(target.endsWith('.xlsx')).toBe(true);
    expect(fs.existsSync(target)).toBe(false); // renamed into place
  });

  it('verifies the file from disk in a new process state and keeps serving it from memory after', async () => {
    const options = { dir: sandbox.dir(), extension: '.txt' };
    await cachedFile({ k: 1 }, writeText('hello'), { ...options, memoryMaxBytes: 0 });

    await cachedFile({ k: 1 }, writeText('other'), options);
    await cachedFile({ k: 1 }, writeText('other'), options);

    expect(getCacheStats()).toMatchObject({ misses: 1, hits: 2, memoryHits: 1, bytesRead: 5 });
  });

  it('records build time in the sidecar and time saved on hits', async () => {
    const options = { dir: sandbox.dir() };
    await cachedFile(
      { slow: 1 },
      async (t) => {
        await new Promise((resolve) => setTimeout(resolve, 30));
        fs.writeFileSync(t, 'done');
      },
      options,
    );
    const sidecar = readSidecar(onlyFile(sandbox.dir(), '.meta.json'));

    await cachedFile({ slow: 1 }, writeText('never'), options);

    expect(sidecar).toMatchObject({ kind: 'file', format: 'file', size: 4 });
    expect(sidecar.buildMs).toBeGreaterThan(0);
    const stats = getCacheStats();
    expect(stats.timeSavedMs).toBeCloseTo(sidecar.buildMs - stats.loadMs, 6);
  });

  it('fails with JEST_PERF_CACHE_BUILD_INVALID when build writes nothing', async () => {
    await expect(cachedFile({ k: 2 }, () => undefined, { dir: sandbox.dir() })).rejects.toMatchObject({
      code: 'JEST_PERF_CACHE_BUILD_INVALID',
      message: expect.stringContaining('did not write'),
    });
  });

  it('rejects a build that is not a function', async () => {
    await expect(cachedFile({}, 42 as never, { dir: sandbox.dir() })).rejects.toThrow(
      'The build argument of cachedFile should be a function',
    );
  });

  it('hands out a path that stays valid when the entry is evicted, cleared or rebuilt by another worker', async () => {
    const options = { dir: sandbox.dir(), extension: '.txt' };
    const file = await cachedFile({ k: 4 }, writeText('kept'), options);

    fs.rmSync(path.join(sandbox.dir(), path.basename(file)));
    fs.rmSync(path.join(sandbox.dir(), `${path.basename(file, '.txt')}.meta.json`));

    expect(fs.readFileSync(file, 'utf8')).toBe('kept');
    expect(await cachedFile({ k: 4 }, writeText('kept'), options)).toBe(file); // served from memory
  });

  it("removes the pinned folders of this host's dead processes on the next eviction pass", async () => {
    const pinned = path.join(sandbox.dir(), '.pinned');
    for (const folder of [pinFolder(999_999_999), 'other-host-999999999']) {
      fs.mkdirSync(path.join(pinned, folder), { recursive: true });
      fs.writeFileSync(path.join(pinned, folder, 'x.txt'), 'x');
    }

    await cachedFile({ k: 5 }, writeText('new'), { dir: sandbox.dir() });

    expect(fs.readdirSync(pinned).sort()).toEqual([pinFolder(process.pid), 'other-host-999999999'].sort());
  });

  it("with verify: 'size' trusts a file of the right size without reading it, and rebuilds one of the wrong size", async () => {
    const options = { dir: sandbox.dir(), verify: 'size' as const, memoryMaxBytes: 0, name: 'sized' };
    const build = jest.fn(writeText('12345'));
    await cachedFile({ k: 6 }, build, options);

    await cachedFile({ k: 6 }, build, options);
    expect(getCacheStats()).toMatchObject({ hits: 1, bytesRead: 0 });

    fs.appendFileSync(onlyFile(sandbox.dir(), '.bin'), '6');
    await cachedFile({ k: 6 }, build, options);
    expect(build).toHaveBeenCalledTimes(2);
    expect(sandbox.stderr()).toEqual([
      expect.stringMatching(/discarded corrupt entry "sized" \([0-9a-f]{12}\) .*size 6 B, metadata says 5 B/),
    ]);
  });

  it('copies instead of linking on file systems without hard links', async () => {
    const link = jest.spyOn(realFs, 'linkSync').mockImplementation(() => {
      throw Object.assign(new Error('cross-device link'), { code: 'EXDEV' });
    });
    try {
      const options = { dir: sandbox.dir(), memoryMaxBytes: 0 };
      await cachedFile({ k: 7 }, writeText('copied'), options);
      const file = await cachedFile({ k: 7 }, writeText('copied'), options);

      expect(fs.readFileSync(file, 'utf8')).toBe('copied');
      expect(fs.statSync(file).ino).not.toBe(fs.statSync(onlyFile(sandbox.dir(), '.bin')).ino);
      expect(getCacheStats()).toMatchObject({ hits: 1, misses: 1 });
    } finally {
      link.mockRestore();
    }
  });

  it('works without a lock too', async () => {
    const build = jest.fn(writeText('no lock'));
    const options = { dir: sandbox.dir(), lock: false };

    await cachedFile({ k: 3 }, build, options);
    const file = await cachedFile({ k: 3 }, build, options);

    expect(build).toHaveBeenCalledTimes(1);
    expect(fs.readFileSync(file, 'utf8')).toBe('no lock');
  });
});

describe('process folders (pinned files, builds while the cache is off)', () => {
  it("sweeps the folders of this host's dead processes and keeps live and foreign ones", () => {
    const parent = sandbox.dir();
    const live = processFolder(parent, 'p-');
    for (const name of [`p-${pinFolder(999_999_999)}`, 'p-other-host-999999999', pinFolder(999_999_999)]) {
      fs.mkdirSync(path.join(parent, name));
    }

    removeDeadProcessFolders(parent, 'p-');

    expect(fs.readdirSync(parent).sort()).toEqual(
      [path.basename(live), 'p-other-host-999999999', pinFolder(999_999_999)].sort(),
    );
  });

  it('builds files into a folder of this process while the cache is off', async () => {
    process.env.JEST_PERF_CACHE = 'off';

    const file = await cachedFile({ off: true }, writeText('off'), { extension: '.txt' });

    expect(path.basename(path.dirname(file))).toBe(`${BYPASS_PREFIX}${pinFolder(process.pid)}`);
    expect(path.dirname(path.dirname(file))).toBe(os.tmpdir());
  });
});
