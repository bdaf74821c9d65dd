import * as fs from 'node:fs';
import * as path from 'node:path';

/** Name of the folder cassettes live in by default (next to each test file). */
export const CASSETTE_DIR_NAME = 'cassettes';

/**
 * Cassette files under `root`: every `.json` file inside a folder named `cassettes` (or anywhere under
 * `root` when `root` itself is such a folder). Skips `node_modules` and dot folders; a missing root has none.
 */
export function findCassetteFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string, inCassettes: boolean) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.'))
          walk(full, inCassettes || entry.name === CASSETTE_DIR_NAME);
      } else if (inCassettes && entry.name.endsWith('.json')) {
        found.push(full);
      }
    }
  };
  walk(root, path.basename(root) === CASSETTE_DIR_NAME);
  return found.sort();
}
