import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type Table, tableFromArrays } from 'apache-arrow';
import { resetCacheStats } from '../../stats';

const ENV_KEYS = [
  'JEST_PERF_CACHE',
  'DISABLE_TEST_CACHE',
  'JEST_PERF_CACHE_DIR',
  'JEST_PERF_CACHE_MAX_BYTES',
  'JEST_PERF_CACHE_MEMORY_MAX_BYTES',
] as const;

/** A fresh temp cache folder per test, cache env switches cleared, stats zeroed, stderr captured. */
export function useCacheSandbox(): { dir: () => string; stderr: () => string[] } {
  let dir = '';
  let saved: Record<string, string | undefined> = {};
  let stderr: jest.SpyInstance;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-fixture-cache-'));
    saved = Object.fromEntries(ENV_KEYS.map((key) => [key, process.env[key]]));
    for (const key of ENV_KEYS) delete process.env[key];
    resetCacheStats();
    stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => {
    stderr.mockRestore();
    for (const key of ENV_KEYS) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
    fs.rmSync(dir, { recursive: true, force: true });
    // files built while the cache was off (BYPASS_PREFIX + host + pid): recreated on demand
    const host = os.hostname().replace(/[^A-Za-z0-9.-]/g, '_');
    fs.rmSync(path.join(os.tmpdir(), `jest-perf-fixture-off-${host}-${process.pid}`), { recursive: true, force: true });
  });
  return {
    dir: () => dir,
    stderr: () => stderr.mock.calls.map((call) => String(call[0])),
  };
}

/** A small deterministic table: `rows` rows of ids, values, flags and labels. */
export function makeTable(rows: number, seed = 1): Table {
  const id = Int32Array.from({ length: rows }, (_, i) => i + seed);
  const value = Float64Array.from({ length: rows }, (_, i) => (i * seed) / 7);
  const flag = Array.from({ length: rows }, (_, i) => (i + seed) % 3 === 0);
  const label = Array.from({ length: rows }, (_, i) => `label-${(i + seed) % 5}`);
  return tableFromArrays({ id, value, flag, label });
}

/** Rows of a table as plain objects, for comparisons. */
export function rowsOf(table: Table): unknown[] {
  return table.toArray().map((row) => ({ ...row.toJSON() }));
}

/** Files of the cache folder, dot files (temp, .gitignore, flags) left out. */
export function entryFiles(dir: string): string[] {
  return fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((name) => !name.startsWith('.'))
        .sort()
    : [];
}

/** The only file of the folder with this suffix. */
export function onlyFile(dir: string, suffix: string): string {
  const matches = entryFiles(dir).filter((name) => name.endsWith(suffix));
  if (matches.length !== 1) throw new Error(`expected one *${suffix} in ${dir}, found ${matches.join(', ') || 'none'}`);
  return path.join(dir, matches[0] as string);
}
