import * as fs from 'node:fs';
import * as path from 'node:path';
import { resolveCacheDir } from './config';
import { warn } from './log';
import { clearMemoryLayer } from './memoryLayer';
import { removeDeadPins } from './pin';
import { ENTRY_FILE, ORPHAN_AGE_MS, statOrNull, TEMP_FILE } from './store';

/** Create this file in the cache folder to clear it: the next cache call empties the folder and removes the flag. */
export const INVALIDATE_FLAG = '.invalidate';

/** What {@link clearCache} removed. */
export interface ClearResult {
  dir: string;
  removedEntries: number;
  removedBytes: number;
}

/**
 * Removes every entry from a cache folder (default: the folder cache calls use from this cwd). Lock
 * files and fresh temp files of workers still writing are left alone (their entries simply appear
 * later), and so are the files live processes were handed (`.pinned/<host>-<pid>/`).
 * @example clearCache(); // { dir: '/repo/.jest-perf/cache', removedEntries: 4, removedBytes: 61234567 }
 */
export function clearCache(dir?: string, now = Date.now()): ClearResult {
  const folder = resolveCacheDir(dir);
  const result: ClearResult = { dir: folder, removedEntries: 0, removedBytes: 0 };
  removeDeadPins(folder);
  let names: string[];
  try {
    names = fs.readdirSync(folder).sort((a, b) => Number(b.endsWith('.meta.json')) - Number(a.endsWith('.meta.json')));
  } catch {
    return result;
  }
  const keys = new Set<string>();
  for (const name of names) {
    const match = ENTRY_FILE.exec(name);
    const file = path.join(folder, name);
    const stat = statOrNull(file);
    if (!stat || (match && match[2] === '.lock')) continue;
    if (!match && !(TEMP_FILE.test(name) && now - stat.mtimeMs > ORPHAN_AGE_MS)) continue;
    fs.rmSync(file, { force: true });
    result.removedBytes += stat.size;
    if (match?.[1]) keys.add(match[1]);
  }
  result.removedEntries = keys.size;
  return result;
}

/** Honours a manual `.invalidate` flag: clears the folder, then removes the flag. A stat per call. */
export function checkInvalidateFlag(dir: string): void {
  const flag = path.join(dir, INVALIDATE_FLAG);
  if (!fs.existsSync(flag)) return;
  const { removedEntries } = clearCache(dir);
  clearMemoryLayer(); // including files this process pinned: they must be rebuilt too
  fs.rmSync(flag, { force: true });
  warn(`found ${flag}: removed ${removedEntries} entries and the flag`);
}
