import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { resolveConfig } from './config';
import { lookupEntry } from './entryLookup';
import { FixtureCacheError } from './errors';
import { canonicalize } from './key';
import { pinFile, processFolder, removeDeadProcessFolders } from './pin';
import { processState } from './processState';
import { record } from './stats';
import type { FileCacheOptions } from './types';

/** Prefix of the temp folders files are built into while the cache is off (one per process). */
export const BYPASS_PREFIX = 'jest-perf-fixture-off-';

/** With the cache off, files are built into a temp folder of this process, removed when it exits (or later, once it is dead). */
function bypassTarget(extension: string): string {
  processState('bypassSweep', () => {
    removeDeadProcessFolders(os.tmpdir(), BYPASS_PREFIX);
    return true;
  });
  return path.join(processFolder(os.tmpdir(), BYPASS_PREFIX), `${process.hrtime.bigint()}${extension}`);
}

function sha256File(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

async function runBuild(build: (targetPath: string) => unknown, target: string): Promise<number> {
  const start = performance.now();
  await build(target);
  const buildMs = performance.now() - start;
  record('buildMs', buildMs);
  if (!fs.statSync(target, { throwIfNoEntry: false })?.isFile()) {
    throw new FixtureCacheError(
      'JEST_PERF_CACHE_BUILD_INVALID',
      `The build function of cachedFile did not write ${target}`,
      {
        fix: 'write the file at the path build receives, e.g. await workbook.xlsx.writeFile(targetPath)',
      },
    );
  }
  return buildMs;
}

/**
 * The path of a generated file (an Excel workbook, a CSV, a zip...) built once and then reused from
 * the cache folder. `build(targetPath)` writes the file; it is called only on a miss. The returned
 * path is this process's hard link to the entry (`<dir>/.pinned/<host>-<pid>/<key><ext>`): it stays valid
 * until the process exits, even if another worker evicts or rebuilds the entry. Do not modify the
 * file: it shares its bytes with the entry (a changed entry fails its checksum and is rebuilt).
 *
 * @param keyInputs Everything the file depends on: plain data only (see {@link cachedTable}).
 * @param build Writes the file at `targetPath` (a temp path in the cache folder, ending with `options.extension`).
 * @throws FixtureCacheError `JEST_PERF_CACHE_KEY_INVALID`, `JEST_PERF_CACHE_SOURCE_MISSING`,
 *   `JEST_PERF_CACHE_BUILD_INVALID` (no file written); TypeError for bad options.
 * @example
 * const workbook = await cachedFile({ rows: 50_000 }, (target) => writeVisitsWorkbook(target, 50_000), {
 *   name: 'visits.xlsx',
 *   extension: '.xlsx',
 *   sources: [require.resolve('./writeVisitsWorkbook')],
 * });
 */
export async function cachedFile(
  keyInputs: unknown,
  build: (targetPath: string) => unknown,
  options?: FileCacheOptions,
): Promise<string> {
  const config = resolveConfig(options, 'file');
  if (typeof build !== 'function') throw new TypeError('The build argument of cachedFile should be a function');
  const canonical = canonicalize(keyInputs);
  if (!config.enabled) {
    record('bypassed');
    const target = bypassTarget(config.extension);
    await runBuild(build, target);
    return target;
  }
  const spec = {
    config,
    canonical,
    kind: 'file',
    format: 'file',
    keyFormat: config.extension,
    extension: config.extension,
  } as const;
  return lookupEntry<string>(spec, (paths) => ({
    keepBytes: false,
    fromMemory: (entry) => entry.file,
    fromDisk: (hit) => {
      const pinned = pinFile(config.dir, paths.data, path.basename(paths.data));
      // replaced between verification and link: look again rather than hand out unverified bytes
      if (!pinned || (pinned.linked && pinned.stat.ino !== hit.stat.ino)) return undefined;
      return { value: pinned.file, memory: { kind: 'file' }, mirror: pinned };
    },
    build: async (temp) => {
      const buildMs = await runBuild(build, temp);
      const size = fs.statSync(temp).size;
      const sha256 = sha256File(temp);
      const pinned = pinFile(config.dir, temp, path.basename(paths.data));
      if (!pinned) throw new Error(`${temp} vanished before it was stored`);
      return { value: pinned.file, memory: { kind: 'file' }, size, sha256, buildMs, mirror: pinned };
    },
  }));
}
