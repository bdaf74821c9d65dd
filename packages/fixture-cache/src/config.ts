import * as fs from 'node:fs';
import * as path from 'node:path';
import { dataPaths, loadConfig } from '@jest-perf/core';
import { channelWorkerStore } from '@jest-perf/core/channel';
import { ENV_VARS, readEnv } from '@jest-perf/core/env';
import type { FileCacheOptions, TableCacheOptions, TableFormatName, VerifyMode } from './types';

/** Everything a cache call needs, options and environment merged and checked. */
export interface ResolvedConfig {
  enabled: boolean;
  dir: string;
  name: string;
  sources: string[];
  maxBytes: number;
  memoryMaxBytes: number;
  lock: boolean;
  lockTimeoutMs: number;
  staleLockMs: number;
  verify: VerifyMode;
  format: TableFormatName;
  extension: string;
}

type AnyOptions = TableCacheOptions & FileCacheOptions;
type Env = Readonly<Record<string, string | undefined>>;

/** Defaults, also listed in the README (the byte caps are the environment variables' defaults, in core). */
export const DEFAULTS = {
  maxBytes: ENV_VARS.JEST_PERF_CACHE_MAX_BYTES.default,
  memoryMaxBytes: ENV_VARS.JEST_PERF_CACHE_MEMORY_MAX_BYTES.default,
  lockTimeoutMs: 60_000,
  staleLockMs: 60_000,
} as const;
const COMMON = [
  'dir',
  'name',
  'sources',
  'maxBytes',
  'memoryMaxBytes',
  'lock',
  'lockTimeoutMs',
  'staleLockMs',
  'verify',
];
const EXTENSION = /^\.[A-Za-z0-9]{1,16}$/;

function number(value: unknown, what: string, min: 'positive' | 'non-negative'): number {
  const ok = typeof value === 'number' && Number.isFinite(value) && (min === 'positive' ? value > 0 : value >= 0);
  if (!ok) throw new TypeError(`The ${what} should be a ${min} number (got ${JSON.stringify(value) ?? String(value)})`);
  return value as number;
}

/** False when `JEST_PERF_CACHE=off` (or `0`, `false`, `no`) or `DISABLE_TEST_CACHE=1` (or `true`, `yes`, `on`). */
export function cacheEnabled(env: Env = process.env): boolean {
  return readEnv('JEST_PERF_CACHE', env) && !readEnv('DISABLE_TEST_CACHE', env);
}

/** Where the cache lived before it moved into the data folder (still used while it is the only one). */
export const LEGACY_CACHE_DIR_NAME = '.fixture-cache';

const cacheDirs = new Map<string, string>();
/**
 * `<data folder>/cache` of the nearest folder with a package.json, from cwd up (cwd itself when there is
 * none): `.jest-perf/cache`, or `cache/` under the `dataDir` of its jest-perf config. A project whose
 * cache is still in the old `<root>/.fixture-cache` (and has no new one yet) keeps using it, with a note
 * saying how to move it.
 */
export function defaultCacheDir(cwd: string = process.cwd()): string {
  let dir = cacheDirs.get(cwd);
  if (dir === undefined) {
    const root = packageRoot(cwd);
    dir = dataPaths(loadConfig(root)).cacheDir;
    const legacy = path.join(root, LEGACY_CACHE_DIR_NAME);
    if (!fs.existsSync(dir) && fs.existsSync(legacy)) {
      noteOnce(
        `jest-perf fixture-cache: using the old cache folder ${legacy}; the default is now ${dir}. ` +
          `Move it to keep its entries (mv ${path.relative(root, legacy)} ${path.relative(root, dir)}) or delete it.\n`,
      );
      dir = legacy;
    }
    cacheDirs.set(cwd, dir);
  }
  return dir;
}

/** Once per worker process: module state restarts with each test file, the channel's worker store does not. */
function noteOnce(text: string): void {
  const store = channelWorkerStore();
  const key = '@jest-perf/fixture-cache:legacy-dir-note';
  if (store?.has(key)) return;
  store?.set(key, true);
  process.stderr.write(text);
}

function packageRoot(cwd: string): string {
  for (let dir = cwd; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return cwd;
  }
}

/** Cache folder from the option, else `JEST_PERF_CACHE_DIR`, else {@link defaultCacheDir}. */
export function resolveCacheDir(dir: string | undefined, env: Env = process.env): string {
  if (dir !== undefined && (typeof dir !== 'string' || dir === '')) {
    throw new TypeError('The option dir should be a non-empty string (a folder path)');
  }
  return path.resolve(dir ?? readEnv('JEST_PERF_CACHE_DIR', env) ?? defaultCacheDir());
}

/**
 * Checks the options (each error names the option) and merges them with the environment.
 * @throws TypeError for an unknown option or a value of the wrong kind.
 */
export function resolveConfig(
  options: AnyOptions | undefined,
  kind: 'table' | 'file',
  env: Env = process.env,
): ResolvedConfig {
  if (options !== undefined && (typeof options !== 'object' || options === null || Array.isArray(options))) {
    throw new TypeError('The options argument should be an object');
  }
  const o: AnyOptions = options ?? {};
  const known = [...COMMON, kind === 'table' ? 'format' : 'extension'];
  for (const key of Object.keys(o)) {
    if (!known.includes(key)) throw new TypeError(`Unknown option ${key} (known options: ${known.join(', ')})`);
  }
  if (o.name !== undefined && typeof o.name !== 'string') throw new TypeError('The option name should be a string');
  const sources = o.sources ?? [];
  if (!Array.isArray(sources) || !sources.every((s) => typeof s === 'string' && s !== '')) {
    throw new TypeError('The option sources should be an array of file paths');
  }
  if (o.lock !== undefined && typeof o.lock !== 'boolean') throw new TypeError('The option lock should be a boolean');
  if (o.verify !== undefined && o.verify !== 'checksum' && o.verify !== 'size') {
    throw new TypeError("The option verify should be 'checksum' or 'size'");
  }
  if (o.format !== undefined && o.format !== 'arrow' && o.format !== 'parquet') {
    throw new TypeError("The option format should be 'arrow' or 'parquet'");
  }
  if (o.extension !== undefined && (!EXTENSION.test(o.extension) || o.extension.toLowerCase() === '.lock')) {
    throw new TypeError("The option extension should be a dot and 1-16 letters or digits, like '.xlsx'");
  }
  const opt = (key: keyof AnyOptions, min: 'positive' | 'non-negative'): number | undefined =>
    o[key] === undefined ? undefined : number(o[key], `option ${key}`, min);
  return {
    enabled: cacheEnabled(env),
    dir: resolveCacheDir(o.dir, env),
    name: o.name ?? '',
    sources: [...sources],
    maxBytes: opt('maxBytes', 'positive') ?? readEnv('JEST_PERF_CACHE_MAX_BYTES', env),
    memoryMaxBytes: opt('memoryMaxBytes', 'non-negative') ?? readEnv('JEST_PERF_CACHE_MEMORY_MAX_BYTES', env),
    lock: o.lock ?? true,
    lockTimeoutMs: opt('lockTimeoutMs', 'non-negative') ?? DEFAULTS.lockTimeoutMs,
    staleLockMs: opt('staleLockMs', 'non-negative') ?? DEFAULTS.staleLockMs,
    verify: o.verify ?? 'checksum',
    format: o.format ?? 'arrow',
    extension: o.extension ?? '.bin',
  };
}
