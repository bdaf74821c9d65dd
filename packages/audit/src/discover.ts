import * as fs from 'node:fs';
import * as path from 'node:path';
import { AuditPathError } from './errors';

/** Which files `jest-perf audit` reads: the paths given (files as they are, folders searched), or the test files under the root. */

export const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'] as const;

/** Folders never searched (besides every folder whose name starts with a dot: .git, .jest-perf, .fixture-cache...). */
export const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'coverage']);

const TEST_NAME = /\.(?:test|spec)\.[cm]?[jt]sx?$/;
const TEST_DIRS = new Set(['__tests__', 'tests', 'test']);

function isSource(name: string): boolean {
  return !/\.d\.[cm]?ts$/.test(name) && SOURCE_EXTENSIONS.some((extension) => name.endsWith(extension));
}

/** A test file by name (`*.test.*`, `*.spec.*`) or any source file in a `__tests__`, `tests` or `test` folder. */
export function isTestFile(relativePath: string): boolean {
  const parts = relativePath.split(/[\\/]/);
  const name = parts[parts.length - 1] ?? '';
  if (!isSource(name)) return false;
  return TEST_NAME.test(name) || parts.slice(0, -1).some((part) => TEST_DIRS.has(part));
}

function searchFolder(root: string, folder: string, into: Set<string>): void {
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const absolute = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.') && !SKIPPED_DIRS.has(entry.name)) searchFolder(root, absolute, into);
    } else if (entry.isFile() && isTestFile(path.relative(root, absolute))) {
      into.add(absolute);
    }
  }
}

/**
 * Absolute paths of the files to scan, sorted. `paths` are relative to `root` (or absolute); none
 * means the whole root. Test folders are recognised by their path below the root.
 * @throws {AuditPathError} for a path that does not exist.
 */
export function discoverFiles(root: string, paths: readonly string[] = []): string[] {
  const files = new Set<string>();
  for (const given of paths.length > 0 ? paths : ['.']) {
    const absolute = path.resolve(root, given);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch {
      throw new AuditPathError(given);
    }
    if (stat.isDirectory()) searchFolder(root, absolute, files);
    else if (isSource(path.basename(absolute))) files.add(absolute);
    else throw new AuditPathError(given, `is not a JavaScript or TypeScript file (${SOURCE_EXTENSIONS.join(', ')})`);
  }
  return [...files].sort();
}
