import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';

/** Content of a lock file: who holds it and since when. */
export interface LockInfo {
  pid: number;
  host: string;
  time: number;
  nonce: string;
}

/** Releases a lock; does nothing when the lock was broken and taken by someone else meanwhile. */
export type Release = () => void;

/** Result of waiting for a lock: we hold it, the entry appeared while we waited, or we gave up. */
export type LockWait<T> =
  | { kind: 'acquired'; release: Release; waited: boolean }
  | { kind: 'ready'; value: T }
  | { kind: 'timeout'; holder: string };

function readText(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function parse(text: string): LockInfo | null {
  try {
    const info = JSON.parse(text) as Partial<LockInfo>;
    return typeof info.pid === 'number' && typeof info.time === 'number' ? (info as LockInfo) : null;
  } catch {
    return null;
  }
}

/** `process.kill(pid, 0)` probes a process without signalling it: ESRCH means it is gone. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A lock is stale when its process on this host is dead, or it is older than `staleMs`. */
export function isStale(text: string, mtimeMs: number, staleMs: number, now = Date.now()): boolean {
  const info = parse(text);
  // unparseable: the holder crashed between creating and writing it (a window of microseconds)
  if (!info) return now - mtimeMs > Math.min(staleMs, 1000);
  if (info.host === os.hostname() && !processAlive(info.pid)) return true;
  return now - info.time > staleMs;
}

/**
 * Removes a stale lock without removing a fresh one that replaced it: rename is atomic, so only one
 * breaker gets the file; if what it got is not the lock it judged stale, it puts that one back.
 */
export function breakLock(file: string, judged: string): void {
  const aside = `${file}.broken.${process.pid}.${randomBytes(4).toString('hex')}`;
  try {
    fs.renameSync(file, aside);
  } catch {
    return; // someone else broke it first
  }
  if (readText(aside) !== judged) {
    try {
      fs.linkSync(aside, file);
    } catch {
      // a third worker already holds a new lock: two builds at worst, each written atomically
    }
  }
  fs.rmSync(aside, { force: true });
}

/** Takes the lock if it is free or stale; null while another live worker holds it. */
export function tryLock(file: string, staleMs: number): Release | null {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const info: LockInfo = {
      pid: process.pid,
      host: os.hostname(),
      time: Date.now(),
      nonce: randomBytes(8).toString('hex'),
    };
    try {
      const fd = fs.openSync(file, 'wx');
      const text = JSON.stringify(info);
      fs.writeSync(fd, text);
      fs.closeSync(fd);
      return () => {
        if (readText(file) === text) fs.rmSync(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const text = readText(file);
    if (text === null) continue; // released meanwhile: try again
    const mtimeMs = fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0;
    if (!isStale(text, mtimeMs, staleMs)) return null;
    breakLock(file, text);
  }
  return null;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Who holds a lock, for log lines. */
export function describeHolder(file: string): string {
  const info = parse(readText(file) ?? '');
  return info ? `pid ${info.pid} on ${info.host}` : 'an unknown process';
}

/**
 * Takes the lock, polling with backoff (5 ms growing to 250 ms). Between attempts `check` looks for
 * the entry the holder is building: when it appears, waiting ends with its value.
 */
export async function waitForLock<T>(
  file: string,
  options: { timeoutMs: number; staleMs: number; check: () => T | undefined },
): Promise<LockWait<T>> {
  const deadline = Date.now() + options.timeoutMs;
  let delay = 5;
  for (let waited = false; ; waited = true) {
    const release = tryLock(file, options.staleMs);
    if (release) return { kind: 'acquired', release, waited };
    const value = options.check();
    if (value !== undefined) return { kind: 'ready', value };
    const left = deadline - Date.now();
    if (left <= 0) return { kind: 'timeout', holder: describeHolder(file) };
    await sleep(Math.min(delay, left));
    delay = Math.min(delay * 1.5, 250);
  }
}
