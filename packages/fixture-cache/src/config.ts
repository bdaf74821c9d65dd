import * as fs from 'node:fs';
import * as path from 'node:path';
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
type Env = Record<string, string | undefined>;

const MB = 1024 * 1024;
/** Defaults, also listed in the README. */
export const DEFAULTS = {
  maxBytes: 500 * MB,
  memoryMaxBytes: 256 * MB,
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

function envNumber(env: Env, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  return number(
    Number(raw),
    `environment variable ${name}`,
    name.endsWith('MEMORY_MAX_BYTES') ? 'non-negative' : 'positive',
  );
}

/** False when `JEST_PERF_CACHE=off` (or `0`, `false`) or `DISABLE_TEST_CACHE=1` (or `true`). */
export function cacheEnabled(env: Env = process.env): boolean {
  const switchValue = env.JEST_PERF_CACHE?.toLowerCase();
  const disable = env.DISABLE_TEST_CACHE?.toLowerCase();
  return !['off', '0', 'false'].includes(switchValue ?? '') && !['1', 'true'].includes(disable ?? '');
}

const packageDirs = new Map<string, string>();
/** `<nearest folder with a package.json, from cwd up>/.fixture-cache` (cwd itself when there is none). */
export function defaultCacheDir(cwd: string = process.cwd()): string {
  let root = packageDirs.get(cwd);
  if (root === undefined) {
    root = cwd;
    for (let dir = cwd; ; dir = path.dirname(dir)) {
      if (fs.existsSync(path.join(dir, 'package.json'))) {
        root = dir;
        break;
      }
      if (path.dirname(dir) === dir) break;
    }
    packageDirs.set(cwd, root);
  }
  return path.join(root, '.fixture-cache');
}

/** Cache folder from the option, else `JEST_PERF_CACHE_DIR`, else {@link defaultCacheDir}. */
export function resolveCacheDir(dir: string | undefined, env: Env = process.env): string {
  if (dir !== undefined && (typeof dir !== 'string' || dir === '')) {
    throw new TypeError('The option dir should be a non-empty string (a folder path)');
  }
  return path.resolve(dir ?? (env.JEST_PERF_CACHE_DIR || defaultCacheDir()));
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
    maxBytes: opt('maxBytes', 'positive') ?? envNumber(env, 'JEST_PERF_CACHE_MAX_BYTES') ?? DEFAULTS.maxBytes,
    memoryMaxBytes:
      opt('memoryMaxBytes', 'non-negative') ??
      envNumber(env, 'JEST_PERF_CACHE_MEMORY_MAX_BYTES') ??
      DEFAULTS.memoryMaxBytes,
    lock: o.lock ?? true,
    lockTimeoutMs: opt('lockTimeoutMs', 'non-negative') ?? DEFAULTS.lockTimeoutMs,
    staleLockMs: opt('staleLockMs', 'non-negative') ?? DEFAULTS.staleLockMs,
    verify: o.verify ?? 'checksum',
    format: o.format ?? 'arrow',
    extension: o.extension ?? '.bin',
  };
}
