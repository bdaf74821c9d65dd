import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cachedTable } from '../cachedTable';
import { breakLock, describeHolder, isStale, processAlive, tryLock, waitForLock } from '../lock';
import { getCacheStats } from '../stats';
import { makeTable, onlyFile, rowsOf, useCacheSandbox } from './helpers/setup';

const sandbox = useCacheSandbox();
const lockFile = (): string => path.join(sandbox.dir(), `${'c'.repeat(64)}.lock`);

/** The pid of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  return child.pid as number;
}

function writeLock(file: string, info: { pid: number; time: number; host?: string }): string {
  const text = JSON.stringify({ host: os.hostname(), nonce: 'n', ...info });
  fs.writeFileSync(file, text);
  return text;
}

describe('tryLock', () => {
  it('takes a free lock once; a second attempt fails while it is held; release frees it', () => {
    const release = tryLock(lockFile(), 60_000);
    expect(release).not.toBeNull();
    expect(JSON.parse(fs.readFileSync(lockFile(), 'utf8'))).toMatchObject({ pid: process.pid, host: os.hostname() });

    expect(tryLock(lockFile(), 60_000)).toBeNull();

    release?.();
    expect(fs.existsSync(lockFile())).toBe(false);
    expect(tryLock(lockFile(), 60_000)).not.toBeNull();
  });

  it('does not remove a lock that was broken and taken by another worker', () => {
    const release = tryLock(lockFile(), 60_000);
    writeLock(lockFile(), { pid: process.pid, time: Date.now() });

    release?.();

    expect(fs.existsSync(lockFile())).toBe(true);
  });

  it('breaks the lock of a dead process', () => {
    writeLock(lockFile(), { pid: deadPid(), time: Date.now() });

    expect(tryLock(lockFile(), 60_000)).not.toBeNull();
    expect(JSON.parse(fs.readFileSync(lockFile(), 'utf8')).pid).toBe(process.pid);
  });

  it('breaks a lock older than staleMs even when its process is alive', () => {
    writeLock(lockFile(), { pid: process.pid, time: Date.now() - 10_000 });

    expect(tryLock(lockFile(), 5_000)).not.toBeNull();
  });
});

describe('isStale', () => {
  const now = 1_000_000;
  it.each([
    ['a live process, fresh', { pid: process.pid, time: now }, false],
    ['a live process, older than staleMs', { pid: process.pid, time: now - 6_000 }, true],
    [
      'a process on another host, fresh (its pid cannot be checked)',
      { pid: 999_999_999, time: now, host: 'elsewhere' },
      false,
    ],
  ])('%s → %p', (_what, info, stale) => {
    expect(isStale(JSON.stringify({ host: os.hostname(), ...info }), now, 5_000, now)).toBe(stale);
  });

  it('treats an unreadable lock as fresh for a moment (being written), then as stale', () => {
    expect(isStale('{"pid":', now - 10, 5_000, now)).toBe(false);
    expect(isStale('', now - 2_000, 5_000, now)).toBe(true);
  });

  it('knows live from dead processes', () => {
    expect(processAlive(process.pid)).toBe(true);
    expect(processAlive(deadPid())).toBe(false);
  });
});

describe('breakLock', () => {
  it('puts back a lock that changed since it was judged stale', () => {
    const fresh = writeLock(lockFile(), { pid: process.pid, time: Date.now() });

    breakLock(lockFile(), 'the stale content we saw earlier');

    expect(fs.readFileSync(lockFile(), 'utf8')).toBe(fresh);
    expect(fs.readdirSync(sandbox.dir())).toEqual([path.basename(lockFile())]);
  });

  it('does nothing when the lock is already gone', () => {
    expect(() => breakLock(lockFile(), 'x')).not.toThrow();
  });
});

describe('waitForLock', () => {
  it('acquires at once when the lock is free', async () => {
    const wait = await waitForLock(lockFile(), { timeoutMs: 1000, staleMs: 60_000, check: () => undefined });

    expect(wait).toMatchObject({ kind: 'acquired', waited: false });
  });

  it('acquires after the holder releases', async () => {
    const release = tryLock(lockFile(), 60_000);
    setTimeout(() => release?.(), 30);

    const wait = await waitForLock(lockFile(), { timeoutMs: 5_000, staleMs: 60_000, check: () => undefined });

    expect(wait).toMatchObject({ kind: 'acquired', waited: true });
  });

  it('ends with the value when the entry appears while waiting', async () => {
    tryLock(lockFile(), 60_000);
    let ready: string | undefined;
    setTimeout(() => (ready = 'built by the holder'), 30);

    const wait = await waitForLock(lockFile(), { timeoutMs: 5_000, staleMs: 60_000, check: () => ready });

    expect(wait).toEqual({ kind: 'ready', value: 'built by the holder' });
  });

  it('gives up after timeoutMs and names the holder', async () => {
    tryLock(lockFile(), 60_000);

    const wait = await waitForLock(lockFile(), { timeoutMs: 20, staleMs: 60_000, check: () => undefined });

    expect(wait).toEqual({ kind: 'timeout', holder: `pid ${process.pid} on ${os.hostname()}` });
    fs.writeFileSync(lockFile(), 'garbage');
    expect(describeHolder(lockFile())).toBe('an unknown process');
  });
});

describe('cachedTable with a lock held by another worker', () => {
  const inputs = { rows: 40 };

  it('waits and returns the table the holder built, without building it again', async () => {
    const dir = sandbox.dir();
    const elsewhere = path.join(dir, 'other-worker');
    await cachedTable(inputs, () => makeTable(40), { dir: elsewhere }); // same key: keys do not depend on the folder
    const key = path.basename(onlyFile(elsewhere, '.arrow'), '.arrow');
    writeLock(path.join(dir, `${key}.lock`), { pid: process.pid, time: Date.now() });
    setTimeout(() => {
      // the holder finishes: data first, then the sidecar, then it releases the lock
      fs.copyFileSync(path.join(elsewhere, `${key}.arrow`), path.join(dir, `${key}.arrow`));
      fs.copyFileSync(path.join(elsewhere, `${key}.meta.json`), path.join(dir, `${key}.meta.json`));
      fs.rmSync(path.join(dir, `${key}.lock`));
    }, 50);
    const build = jest.fn(() => makeTable(40));

    const table = await cachedTable(inputs, build, { dir, memoryMaxBytes: 0 });

    expect(build).not.toHaveBeenCalled();
    expect(rowsOf(table)).toEqual(rowsOf(makeTable(40)));
    expect(getCacheStats().lockWaits).toBe(1);
  });

  it('returns the entry as soon as it appears, even while the holder still holds its lock', async () => {
    const dir = sandbox.dir();
    const elsewhere = path.join(dir, 'other-worker');
    await cachedTable(inputs, () => makeTable(40), { dir: elsewhere });
    const key = path.basename(onlyFile(elsewhere, '.arrow'), '.arrow');
    writeLock(path.join(dir, `${key}.lock`), { pid: process.pid, time: Date.now() });
    setTimeout(() => {
      fs.copyFileSync(path.join(elsewhere, `${key}.arrow`), path.join(dir, `${key}.arrow`));
      fs.copyFileSync(path.join(elsewhere, `${key}.meta.json`), path.join(dir, `${key}.meta.json`));
    }, 50);
    const build = jest.fn(() => makeTable(40));

    const table = await cachedTable(inputs, build, { dir, memoryMaxBytes: 0 });

    expect(build).not.toHaveBeenCalled();
    expect(table.numRows).toBe(40);
    expect(fs.existsSync(path.join(dir, `${key}.lock`))).toBe(true); // not ours to remove
  });

  it('breaks a stale lock of a dead worker and builds', async () => {
    const dir = sandbox.dir();
    await cachedTable(inputs, () => makeTable(40), { dir });
    const key = path.basename(onlyFile(dir, '.arrow'), '.arrow');
    fs.rmSync(path.join(dir, `${key}.arrow`));
    fs.rmSync(path.join(dir, `${key}.meta.json`));
    writeLock(path.join(dir, `${key}.lock`), { pid: deadPid(), time: Date.now() });
    const build = jest.fn(() => makeTable(40));

    await cachedTable(inputs, build, { dir, memoryMaxBytes: 0 });

    expect(build).toHaveBeenCalledTimes(1);
    expect(fs.existsSync(path.join(dir, `${key}.lock`))).toBe(false);
  });

  it('builds itself after lockTimeoutMs, with one line on stderr, leaving the holder its lock', async () => {
    const dir = sandbox.dir();
    await cachedTable(inputs, () => makeTable(40), { dir });
    const key = path.basename(onlyFile(dir, '.arrow'), '.arrow');
    // data without a sidecar while a lock exists: being written, not corrupt
    fs.rmSync(path.join(dir, `${key}.meta.json`));
    const lock = path.join(dir, `${key}.lock`);
    writeLock(lock, { pid: process.pid, time: Date.now() });
    const build = jest.fn(() => makeTable(40));

    const table = await cachedTable(inputs, build, { dir, memoryMaxBytes: 0, lockTimeoutMs: 30 });

    expect(build).toHaveBeenCalledTimes(1);
    expect(table.numRows).toBe(40);
    expect(sandbox.stderr()).toEqual([
      expect.stringMatching(/waited 30 ms for [0-9a-f]{12} \(locked by pid \d+ on .*\); building it here/),
    ]);
    expect(fs.existsSync(lock)).toBe(true);
    expect(getCacheStats()).toMatchObject({ lockWaits: 1, rebuilds: 0 });
  });
});
