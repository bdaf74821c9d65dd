import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { processAlive } from './lock';
import { processState } from './processState';

/**
 * Files handed out by `cachedFile` are hard links in `<cache>/.pinned/<host>-<pid>/`, not the entries
 * themselves: another worker may evict, discard or rebuild an entry at any time, and the path a test
 * holds must stay valid for the life of its process. A link shares the entry's bytes (no copy) and
 * keeps them on disk after the entry's name is gone.
 */
export const PINNED_DIR = '.pinned';

/** `<host>-`: a pid means something only on its own host (the folder may be on a shared disk). */
const hostPrefix = (): string => `${os.hostname().replace(/[^A-Za-z0-9.-]/g, '_')}-`;

/**
 * `<parent>/<prefix><host>-<pid>`, created. It is removed when the process exits normally; Jest may
 * kill its workers before exit handlers run, so {@link removeDeadProcessFolders} sweeps the rest.
 */
export function processFolder(parent: string, prefix = ''): string {
  const folder = path.join(parent, `${prefix}${hostPrefix()}${process.pid}`);
  const registered = processState('processFolders', () => {
    const folders = new Set<string>();
    // One exit handler per process, however many folders and test files: one per folder hit Node's
    // MaxListeners warning in a worker that ran many files with their own cache dirs.
    process.once('exit', () => {
      for (const each of folders) fs.rmSync(each, { recursive: true, force: true });
    });
    return folders;
  });
  registered.add(folder);
  fs.mkdirSync(folder, { recursive: true });
  return folder;
}

/** Removes the {@link processFolder}s of this host's processes that are gone. */
export function removeDeadProcessFolders(parent: string, prefix = ''): void {
  let names: string[];
  try {
    names = fs.readdirSync(parent);
  } catch {
    return;
  }
  const start = `${prefix}${hostPrefix()}`;
  for (const name of names) {
    const pid = name.startsWith(start) ? name.slice(start.length) : '';
    if (/^\d+$/.test(pid) && !processAlive(Number(pid))) {
      fs.rmSync(path.join(parent, name), { recursive: true, force: true });
    }
  }
}

/**
 * Links `source` to this process's pinned copy named `name` (replacing an older one atomically).
 * Returns the pinned path and its stat, or null when `source` vanished. Falls back to a copy on file
 * systems without hard links (`linked: false`).
 */
export function pinFile(
  cacheDir: string,
  source: string,
  name: string,
): { file: string; stat: fs.Stats; linked: boolean } | null {
  const folder = processFolder(path.join(cacheDir, PINNED_DIR));
  const file = path.join(folder, name);
  const temp = path.join(folder, `.${name}.${randomBytes(4).toString('hex')}.tmp`);
  let linked = true;
  try {
    fs.linkSync(source, temp);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    linked = false;
    try {
      fs.copyFileSync(source, temp);
    } catch {
      return null;
    }
  }
  fs.renameSync(temp, file);
  return { file, stat: fs.statSync(file), linked };
}

/** Removes the pinned folders of this host's dead processes. */
export function removeDeadPins(cacheDir: string): void {
  removeDeadProcessFolders(path.join(cacheDir, PINNED_DIR));
}
