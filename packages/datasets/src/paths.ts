import * as fs from 'node:fs';
import * as path from 'node:path';
import { isInside } from '@jest-perf/core';
import { DatasetError } from './errors';

/** What a dataset name may look like: no dots, slashes or spaces, so a name can never leave its folder. */
export const DATASET_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/**
 * @throws {DatasetError} JEST_PERF_DATASET_NAME_INVALID when `name` is not a plain dataset name.
 */
export function assertDatasetName(name: unknown): asserts name is string {
  if (typeof name === 'string' && DATASET_NAME_PATTERN.test(name)) return;
  throw new DatasetError('JEST_PERF_DATASET_NAME_INVALID', `Invalid dataset name ${JSON.stringify(name)}`, {
    fix: `use letters, digits, "_" and "-" only (${DATASET_NAME_PATTERN.source}), e.g. "statin"`,
  });
}

/** True when `target` is `base` or below it (both absolute): core's one confinement rule, re-exported. */
export { isInside };

/** Where a relative path from a config points: inside the folder (maybe missing), or outside it. */
export type ResolvedPath =
  | { kind: 'inside'; path: string; exists: boolean }
  | { kind: 'outside'; path: string; why: string };

/**
 * Resolves `relative` against `dir` and checks that it stays inside, lexically and (when the file
 * exists) after following symlinks. `realDir` is `dir` with its own symlinks resolved.
 */
export function resolveInside(dir: string, realDir: string, relative: string): ResolvedPath {
  if (path.isAbsolute(relative) || path.win32.isAbsolute(relative)) {
    return { kind: 'outside', path: relative, why: 'is an absolute path' };
  }
  const resolved = path.resolve(dir, relative);
  if (!isInside(dir, resolved)) return { kind: 'outside', path: resolved, why: 'points outside the datasets folder' };
  let real: string;
  try {
    real = fs.realpathSync(resolved);
  } catch {
    return { kind: 'inside', path: resolved, exists: false };
  }
  if (!isInside(realDir, real)) {
    return { kind: 'outside', path: resolved, why: `is a symlink to ${real}, outside the datasets folder` };
  }
  return { kind: 'inside', path: resolved, exists: true };
}
