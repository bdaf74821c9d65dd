import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FixtureCacheError } from './errors';

interface Known {
  mtimeMs: number;
  size: number;
  hash: string;
}

/** Per process: a source file is read and hashed again only when its mtime or size changed. */
const known = new Map<string, Known>();

function hashFile(file: string): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (cause) {
    throw new FixtureCacheError('JEST_PERF_CACHE_SOURCE_MISSING', `Cannot read the source file ${file}`, {
      fix: 'list existing files in the option sources (usually the generator file, e.g. __filename)',
      cause,
    });
  }
  const previous = known.get(file);
  if (previous && previous.mtimeMs === stat.mtimeMs && previous.size === stat.size) return previous.hash;
  const hash = createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  known.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, hash });
  return hash;
}

/**
 * One hash over the contents of the fixture's source files. Only contents count, not paths or order,
 * so a checkout in another folder (CI vs laptop) computes the same keys.
 * @throws FixtureCacheError `JEST_PERF_CACHE_SOURCE_MISSING` when a file cannot be read.
 */
export function hashSources(files: readonly string[]): string {
  if (files.length === 0) return '';
  const hashes = files.map((file) => hashFile(path.resolve(file))).sort();
  return createHash('sha256').update(hashes.join('\n')).digest('hex');
}

/** Forgets memoised hashes (tests). */
export function resetSourceHashes(): void {
  known.clear();
}
