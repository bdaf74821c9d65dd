import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { commandFor, confinedPath, isJestPerfError } from '@jest-perf/core';
import { FixtureCacheError } from './errors';
import { CACHE_VERSION } from './key';
import { readSidecar, type Sidecar, writeSidecar } from './sidecar';
import type { VerifyMode } from './types';

/** The cache-clearing command as the user runs it. */
const CACHE_CLEAR = commandFor('jest-perf-cache-clear');

/** The files of one entry: data, metadata sidecar, and the lock held while it is built. */
export interface EntryPaths {
  dir: string;
  key: string;
  data: string;
  sidecar: string;
  lock: string;
}

/** Entry files: `<key>.meta.json`, `<key>.lock`, `<key><ext>` (match groups: key, suffix). */
export const ENTRY_FILE = /^([0-9a-f]{64})(\.meta\.json|\.lock|\.[A-Za-z0-9]{1,16})$/;
/** In-flight writes: `.<key>.<pid>.<random>.tmp<ext>`. */
export const TEMP_FILE = /^\.[0-9a-f]{64}\..*\.tmp/;
/** A temp file, or data without a sidecar and lock, this old is a leftover of a crashed worker. */
export const ORPHAN_AGE_MS = 10 * 60_000;

/**
 * Paths of an entry. Every name derives from the hex key, never from a user string; the data path is
 * still confined to the cache folder (core's confinedPath), so no key or extension can leave it.
 * @throws {JestPerfError} JEST_PERF_PATH_OUTSIDE for a key or extension that would.
 */
export function entryPaths(dir: string, key: string, extension: string): EntryPaths {
  const data = confinedPath(dir, `${key}${extension}`, {
    what: 'fixture cache entry',
    fix: 'cache keys are 64 hex characters and extensions a dot and letters (computeKey, the extension option)',
    followSymlinks: false, // names derived from a hash, never links: the lexical check keeps lookups cheap
  });
  const base = data.slice(0, data.length - extension.length);
  return { dir, key, data, sidecar: `${base}.meta.json`, lock: `${base}.lock` };
}

/** What a disk lookup found: a verified entry, nothing, or an entry that must not be trusted. */
export type DiskLookup =
  | { kind: 'hit'; sidecar: Sidecar; bytes: Buffer | undefined; stat: fs.Stats }
  | { kind: 'miss' }
  | { kind: 'corrupt'; reason: string };

const CHUNK = 4 * 1024 * 1024;

/** Reads the data through one descriptor; null when the file vanished (evicted or cleared meanwhile). */
function readData(
  file: string,
  keepBytes: boolean,
  hash: boolean,
): { size: number; bytes?: Buffer; sha?: string; stat: fs.Stats } | null {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { size: -1, stat };
    const sha = hash ? createHash('sha256') : undefined;
    // allocUnsafeSlow: never a slice of Node's shared pool, which the memory layer would keep alive
    const buffer = Buffer.allocUnsafeSlow(keepBytes ? stat.size : Math.min(CHUNK, stat.size));
    let offset = 0;
    while (offset < stat.size) {
      const at = keepBytes ? offset : 0;
      const n = fs.readSync(fd, buffer, at, Math.min(CHUNK, stat.size - offset), offset);
      if (n === 0) break; // truncated while we read: the size check catches it
      sha?.update(buffer.subarray(at, at + n));
      offset += n;
    }
    return { size: offset, bytes: keepBytes ? buffer.subarray(0, offset) : undefined, sha: sha?.digest('hex'), stat };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Looks an entry up on disk and checks it against its sidecar: size always, sha256 with `verify:
 * 'checksum'`. Data without a sidecar counts as corrupt unless a lock says it is being written.
 */
export function readEntry(paths: EntryPaths, options: { keepBytes: boolean; verify: VerifyMode }): DiskLookup {
  let sidecar: Sidecar;
  if (isFolder(paths.sidecar)) return { kind: 'corrupt', reason: 'its metadata file is a folder' };
  try {
    sidecar = readSidecar(paths.sidecar);
  } catch (error) {
    if (isJestPerfError(error) && error.code === 'JEST_PERF_FILE_MISSING') {
      const orphan = fs.existsSync(paths.data) && !fs.existsSync(paths.lock);
      return orphan ? { kind: 'corrupt', reason: 'metadata sidecar missing' } : { kind: 'miss' };
    }
    const first = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    return { kind: 'corrupt', reason: `metadata unreadable: ${first}` };
  }
  if (!sidecar.valid) return { kind: 'corrupt', reason: 'metadata marks it invalid' };
  if (
    sidecar.key !== paths.key ||
    sidecar.cacheVersion !== CACHE_VERSION ||
    sidecar.fileName !== path.basename(paths.data)
  ) {
    return { kind: 'corrupt', reason: 'metadata belongs to another entry or version' };
  }
  const checksum = options.verify === 'checksum';
  if (!options.keepBytes && !checksum) {
    const stat = statOrNull(paths.data);
    if (!stat) return { kind: 'miss' };
    if (!stat.isFile()) return { kind: 'corrupt', reason: 'its data file is a folder' };
    if (stat.size !== sidecar.size)
      return { kind: 'corrupt', reason: `size ${stat.size} B, metadata says ${sidecar.size} B` };
    return { kind: 'hit', sidecar, bytes: undefined, stat };
  }
  const read = readData(paths.data, options.keepBytes, checksum);
  if (!read) return { kind: 'miss' };
  if (!read.stat.isFile()) return { kind: 'corrupt', reason: 'its data file is a folder' };
  if (read.size !== sidecar.size) {
    return { kind: 'corrupt', reason: `size ${read.size} B, metadata says ${sidecar.size} B` };
  }
  if (checksum && read.sha !== sidecar.sha256) return { kind: 'corrupt', reason: 'sha256 checksum mismatch' };
  return { kind: 'hit', sidecar, bytes: read.bytes, stat: read.stat };
}

function isFolder(file: string): boolean {
  return statOrNull(file)?.isDirectory() === true;
}

/** `fs.statSync` that returns null for a missing file. */
export function statOrNull(file: string): fs.Stats | null {
  try {
    return fs.statSync(file);
  } catch {
    return null;
  }
}

/** A unique temp path in the cache folder (same file system, so the final `rename` is atomic). */
export function tempPath(paths: EntryPaths, extension: string): string {
  return path.join(paths.dir, `.${paths.key}.${process.pid}.${randomBytes(4).toString('hex')}.tmp${extension}`);
}

/** Moves finished data into place, then writes its sidecar: readers never see a sidecar without full data. */
export function commitEntry(paths: EntryPaths, temp: string, sidecar: Sidecar): void {
  try {
    fs.renameSync(temp, paths.data);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  writeSidecar(paths.sidecar, sidecar);
}

/**
 * Deletes an entry, data first: a reader meanwhile finds a sidecar without data, which is a miss,
 * never data without a sidecar (which would look corrupt). A folder squatting on an entry's name goes too.
 * @throws {FixtureCacheError} JEST_PERF_CACHE_ENTRY_STUCK when a file cannot be removed.
 */
export function removeEntry(paths: Pick<EntryPaths, 'data' | 'sidecar'>): void {
  for (const file of [paths.data, paths.sidecar]) {
    try {
      fs.rmSync(file, { force: true, recursive: true });
    } catch (error) {
      throw new FixtureCacheError('JEST_PERF_CACHE_ENTRY_STUCK', `Cannot remove the corrupt cache entry ${file}`, {
        fix: `delete it by hand (rm -rf "${file}") or clear the cache folder (${CACHE_CLEAR})`,
        cause: error,
      });
    }
  }
}

/** Records a hit in the sidecar (LRU order). Best effort: a read-only or vanished entry is left alone. */
export function touchEntry(
  paths: EntryPaths,
  sidecar: Sidecar,
  stat: Pick<fs.Stats, 'ino' | 'mtimeMs'>,
  now = new Date(),
): void {
  const current = statOrNull(paths.data);
  if (!current || current.ino !== stat.ino || current.mtimeMs !== stat.mtimeMs) return;
  try {
    writeSidecar(paths.sidecar, { ...sidecar, lastAccess: now.toISOString() });
  } catch {
    // the entry keeps its older lastAccess: at worst it is evicted a little early
  }
}

/**
 * Creates the cache folder with a `.gitignore` so its content is never committed. A folder that
 * already exists is left as it is: it may be the user's own, with files they do commit.
 */
export function ensureCacheDir(dir: string): void {
  if (fs.existsSync(dir)) return;
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, '.gitignore'), '# jest-perf fixture cache: never commit\n*\n', { flag: 'w' });
}
