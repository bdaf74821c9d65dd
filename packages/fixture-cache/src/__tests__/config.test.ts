/** @jest-perf-audit-allow-file shared-tmp-path: the /tmp paths are config values the resolver returns, never written */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cacheEnabled, DEFAULTS, defaultCacheDir, resolveCacheDir, resolveConfig } from '../config';

const MB = 1024 * 1024;

describe('resolveConfig', () => {
  it('fills defaults: 500 MB on disk, 256 MB in memory, locking on, checksums verified, Arrow IPC', () => {
    const config = resolveConfig({ dir: '/tmp/cache' }, 'table', {});

    expect(config).toEqual({
      enabled: true,
      dir: path.resolve('/tmp/cache'),
      name: '',
      sources: [],
      maxBytes: 500 * MB,
      memoryMaxBytes: 256 * MB,
      lock: true,
      lockTimeoutMs: DEFAULTS.lockTimeoutMs,
      staleLockMs: DEFAULTS.staleLockMs,
      verify: 'checksum',
      format: 'arrow',
      extension: '.bin',
    });
  });

  it('takes sizes and the folder from the environment when no option is given', () => {
    const env = {
      JEST_PERF_CACHE_DIR: '/tmp/env-cache',
      JEST_PERF_CACHE_MAX_BYTES: '1000',
      JEST_PERF_CACHE_MEMORY_MAX_BYTES: '0',
    };

    const config = resolveConfig(undefined, 'file', env);

    expect([config.dir, config.maxBytes, config.memoryMaxBytes]).toEqual([path.resolve('/tmp/env-cache'), 1000, 0]);
  });

  it('lets options win over the environment', () => {
    const env = { JEST_PERF_CACHE_DIR: '/tmp/env-cache', JEST_PERF_CACHE_MAX_BYTES: '1000' };

    const config = resolveConfig({ dir: '/tmp/option', maxBytes: 5 }, 'table', env);

    expect([config.dir, config.maxBytes]).toEqual([path.resolve('/tmp/option'), 5]);
  });

  it.each([
    [{ maxBytes: 0 }, 'The option maxBytes should be a positive number (got 0)'],
    [{ maxBytes: '5' }, 'The option maxBytes should be a positive number'],
    [{ memoryMaxBytes: -1 }, 'The option memoryMaxBytes should be a non-negative number'],
    [{ lockTimeoutMs: Number.NaN }, 'The option lockTimeoutMs should be a non-negative number'],
    [{ staleLockMs: -5 }, 'The option staleLockMs should be a non-negative number'],
    [{ dir: '' }, 'The option dir should be a non-empty string'],
    [{ name: 3 }, 'The option name should be a string'],
    [{ sources: 'a.ts' }, 'The option sources should be an array of file paths'],
    [{ sources: [''] }, 'The option sources should be an array of file paths'],
    [{ lock: 'yes' }, 'The option lock should be a boolean'],
    [{ verify: 'md5' }, "The option verify should be 'checksum' or 'size'"],
    [{ format: 'csv' }, "The option format should be 'arrow' or 'parquet'"],
    [{ colour: 'red' }, 'Unknown option colour (known options: dir, name, sources'],
    [{ extension: '.xlsx' }, 'Unknown option extension'],
  ])('rejects table options %p naming the option', (options, message) => {
    expect(() => resolveConfig(options as never, 'table', {})).toThrow(new TypeError(message).message);
  });

  it.each([['xlsx'], ['.x/y'], ['.lock'], ['.LOCK'], ['.a-b']])('rejects the file extension %p', (extension) => {
    expect(() => resolveConfig({ extension }, 'file', {})).toThrow('The option extension should be a dot');
  });

  it('rejects options that are not an object', () => {
    expect(() => resolveConfig([] as never, 'table', {})).toThrow('The options argument should be an object');
    expect(() => resolveConfig(null as never, 'table', {})).toThrow('The options argument should be an object');
  });

  it('names the environment variable when its value is not a number', () => {
    expect(() => resolveConfig({}, 'table', { JEST_PERF_CACHE_MAX_BYTES: 'lots' })).toThrow(
      'The environment variable JEST_PERF_CACHE_MAX_BYTES should be a positive number',
    );
    expect(() => resolveConfig({}, 'table', { JEST_PERF_CACHE_MEMORY_MAX_BYTES: '-1' })).toThrow(
      'JEST_PERF_CACHE_MEMORY_MAX_BYTES should be a non-negative number',
    );
  });
});

describe('cacheEnabled', () => {
  it.each([
    [{}, true],
    [{ JEST_PERF_CACHE: 'on' }, true],
    [{ JEST_PERF_CACHE: 'off' }, false],
    [{ JEST_PERF_CACHE: 'OFF' }, false],
    [{ JEST_PERF_CACHE: '0' }, false],
    [{ JEST_PERF_CACHE: 'false' }, false],
    [{ DISABLE_TEST_CACHE: '1' }, false],
    [{ DISABLE_TEST_CACHE: 'true' }, false],
    [{ DISABLE_TEST_CACHE: '0' }, true],
  ])('%p → %p', (env, enabled) => {
    expect(cacheEnabled(env)).toBe(enabled);
  });
});

describe('defaultCacheDir', () => {
  let root: string;
  beforeEach(() => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-root-')));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('is .jest-perf/cache next to the nearest package.json above the cwd', () => {
    fs.writeFileSync(path.join(root, 'package.json'), '{}');
    const deep = path.join(root, 'src', 'tests');
    fs.mkdirSync(deep, { recursive: true });

    expect(defaultCacheDir(deep)).toBe(path.join(root, '.jest-perf', 'cache'));
  });

  it('follows the dataDir of the jest-perf config', () => {
    fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ jestPerf: { dataDir: 'perf-data' } }));

    expect(defaultCacheDir(root)).toBe(path.join(root, 'perf-data', 'cache'));
  });

  it('falls back to the cwd when no package.json is found', () => {
    // assumes no package.json in the temp folder's ancestors, as on any normal machine
    const lonely = path.join(root, 'no-package');
    fs.mkdirSync(lonely);

    expect(defaultCacheDir(lonely)).toBe(path.join(lonely, '.jest-perf', 'cache'));
  });

  it('keeps using an old .fixture-cache folder while there is no new one, saying how to move it', () => {
    fs.writeFileSync(path.join(root, 'package.json'), '{}');
    fs.mkdirSync(path.join(root, '.fixture-cache'));
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(defaultCacheDir(root)).toBe(path.join(root, '.fixture-cache'));
      expect(stderr.mock.calls.join('')).toContain('Move it to keep its entries (mv .fixture-cache .jest-perf/cache)');
    } finally {
      stderr.mockRestore();
    }
  });

  it('prefers the new folder once it exists, even with an old one beside it', () => {
    fs.writeFileSync(path.join(root, 'package.json'), '{}');
    fs.mkdirSync(path.join(root, '.fixture-cache'));
    fs.mkdirSync(path.join(root, '.jest-perf', 'cache'), { recursive: true });

    expect(defaultCacheDir(root)).toBe(path.join(root, '.jest-perf', 'cache'));
  });

  it('is used by resolveCacheDir when neither option nor env is set', () => {
    expect(resolveCacheDir(undefined, {})).toBe(defaultCacheDir());
  });
});
