import * as fs from 'node:fs';
import * as path from 'node:path';
import { removeDeadPins } from './pin';
import { ENTRY_FILE, ORPHAN_AGE_MS, statOrNull, TEMP_FILE } from './store';

interface Candidate {
  key: string;
  files: string[];
  bytes: number;
  lastAccess: number;
}

/** What one pass over the folder found and did. */
export interface EvictionResult {
  /** Bytes in the folder before eviction (entries, in-flight writes and leftovers). */
  totalBytes: number;
  /** Entries removed to get under the cap. */
  evicted: number;
  /** Bytes freed by eviction. */
  freedBytes: number;
}

function lastAccessOf(sidecarFile: string): number {
  try {
    const value = (JSON.parse(fs.readFileSync(sidecarFile, 'utf8')) as { lastAccess?: unknown }).lastAccess;
    const time = typeof value === 'string' ? Date.parse(value) : Number.NaN;
    return Number.isNaN(time) ? 0 : time; // unreadable metadata goes first
  } catch {
    return 0;
  }
}

/**
 * Removes least-recently-used entries until the folder holds at most `maxBytes`. Several workers may
 * run this at once: every file can vanish under it, and an entry with a lock file (being written, or
 * `protect`, the one just written) is never removed. Old leftovers of crashed workers are cleaned up.
 */
export function evictToFit(dir: string, maxBytes: number, protect?: string, now = Date.now()): EvictionResult {
  removeDeadPins(dir);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return { totalBytes: 0, evicted: 0, freedBytes: 0 };
  }
  const entries = new Map<
    string,
    { files: string[]; bytes: number; locked: boolean; sidecar: boolean; mtime: number }
  >();
  let totalBytes = 0;
  for (const name of names) {
    const file = path.join(dir, name);
    const match = ENTRY_FILE.exec(name);
    if (!match && !TEMP_FILE.test(name)) continue;
    const stat = statOrNull(file);
    if (!stat) continue;
    if (!match) {
      if (now - stat.mtimeMs > ORPHAN_AGE_MS) fs.rmSync(file, { force: true });
      else totalBytes += stat.size;
      continue;
    }
    totalBytes += stat.size;
    const [, key = '', suffix] = match;
    const entry = entries.get(key) ?? { files: [], bytes: 0, locked: false, sidecar: false, mtime: 0 };
    entries.set(key, entry);
    if (suffix === '.lock') entry.locked = true;
    else {
      entry.files.push(file);
      entry.bytes += stat.size;
      entry.mtime = Math.max(entry.mtime, stat.mtimeMs);
      if (suffix === '.meta.json') entry.sidecar = true;
    }
  }
  const candidates: Candidate[] = [];
  for (const [key, entry] of entries) {
    if (entry.locked || key === protect || entry.files.length === 0) continue;
    if (!entry.sidecar) {
      // data without metadata, no lock: a crashed writer's leftover once it is old enough
      if (now - entry.mtime > ORPHAN_AGE_MS) remove(entry.files);
      continue;
    }
    const sidecar = entry.files.find((f) => f.endsWith('.meta.json')) as string;
    candidates.push({ key, files: entry.files, bytes: entry.bytes, lastAccess: lastAccessOf(sidecar) });
  }
  candidates.sort((a, b) => a.lastAccess - b.lastAccess || a.key.localeCompare(b.key));
  let size = totalBytes;
  let evicted = 0;
  for (const candidate of candidates) {
    if (size <= maxBytes) break;
    remove(candidate.files);
    size -= candidate.bytes;
    evicted += 1;
  }
  return { totalBytes, evicted, freedBytes: totalBytes - size };
}

/**
 * Data first, sidecar last: a reader meanwhile finds metadata without data, a plain miss. The other
 * order left data without metadata for a moment, which readers rightly take for corruption and which
 * logged every normal eviction as "discarded corrupt entry".
 */
function remove(files: string[]): void {
  const ordered = [...files].sort((a, b) => Number(a.endsWith('.meta.json')) - Number(b.endsWith('.meta.json')));
  for (const file of ordered) fs.rmSync(file, { force: true });
}
