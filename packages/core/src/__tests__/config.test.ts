import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CONFIG_FILE, DEFAULT_CONFIG, loadConfig, resolveConfig } from '../config';
import { JestPerfError } from '../errors';

let root: string;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-'));
});

afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

function writeJson(name: string, value: unknown): string {
  const file = path.join(root, name);
  fs.writeFileSync(file, JSON.stringify(value));
  return file;
}

function catchError(fn: () => unknown): JestPerfError {
  try {
    fn();
  } catch (error) {
    if (error instanceof JestPerfError) return error;
    throw error;
  }
  throw new Error('expected a JestPerfError, nothing was thrown');
}

describe('loadConfig', () => {
  it('returns the defaults with no source when the project has no config', () => {
    const config = loadConfig(root);

    expect(config).toEqual({ ...DEFAULT_CONFIG, rootDir: root, source: null });
  });

  it('does not load ajv when the project has no config (startup cost of every tracked run)', () => {
    jest.isolateModules(() => {
      jest.doMock('ajv', () => {
        throw new Error('ajv must not load for a project without config');
      });
      const { loadConfig: isolatedLoad } = jest.requireActual<typeof import('../config')>('../config');
      expect(isolatedLoad(root).source).toBeNull();
    });
    jest.dontMock('ajv');
  });

  it('returns the defaults when package.json has no jestPerf key', () => {
    writeJson('package.json', { name: 'app' });

    expect(loadConfig(root).source).toBeNull();
  });

  it('reads package.json#jestPerf and names it as the source', () => {
    const pkg = writeJson('package.json', { name: 'app', jestPerf: { historySize: 7 } });

    const config = loadConfig(root);

    expect(config.historySize).toBe(7);
    expect(config.source).toBe(`${pkg}#jestPerf`);
  });

  it('prefers jest-perf.config.json over package.json#jestPerf', () => {
    writeJson('package.json', { jestPerf: { historySize: 7, slowTestMs: 1 } });
    const file = writeJson(CONFIG_FILE, { historySize: 9 });

    const config = loadConfig(root);

    expect(config.historySize).toBe(9);
    expect(config.slowTestMs).toBe(DEFAULT_CONFIG.slowTestMs);
    expect(config.source).toBe(file);
  });

  it('merges partial thresholds with the default thresholds', () => {
    writeJson(CONFIG_FILE, { thresholds: { test: 0.5 } });

    expect(loadConfig(root).thresholds).toEqual({ test: 0.5, suite: 0.15, minAbsoluteMs: 100 });
  });

  it('rejects a config file that is not valid JSON, naming the file', () => {
    const file = path.join(root, CONFIG_FILE);
    fs.writeFileSync(file, '{ "historySize": 3,');

    const error = catchError(() => loadConfig(root));

    expect(error.code).toBe('JEST_PERF_CONFIG_INVALID');
    expect(error.file).toBe(file);
    expect(error.message).toContain(file);
    expect(error.message).toContain(`fix the JSON syntax in ${CONFIG_FILE}`);
    expect(error.cause).toBeInstanceOf(SyntaxError);
  });

  it('rejects an unknown key and names the key', () => {
    writeJson(CONFIG_FILE, { histroySize: 3 });

    const error = catchError(() => loadConfig(root));

    expect(error.code).toBe('JEST_PERF_CONFIG_INVALID');
    expect(error.message).toContain("'histroySize'");
    expect(error.message).toContain(path.join(root, CONFIG_FILE));
  });

  it('rejects a value of the wrong type and names the field', () => {
    writeJson('package.json', { jestPerf: { thresholds: { test: 'fast' } } });

    const error = catchError(() => loadConfig(root));

    expect(error.code).toBe('JEST_PERF_CONFIG_INVALID');
    expect(error.message).toContain('field /thresholds/test must be number');
    expect(error.message).toContain('#jestPerf');
    expect(error.fix).toContain('docs/PERFORMANCE.md');
  });

  it('rejects an exclude entry that is not a valid regex, quoting it', () => {
    const file = writeJson(CONFIG_FILE, { exclude: ['ok/', '(unclosed'] });

    const error = catchError(() => loadConfig(root));

    expect(error.code).toBe('JEST_PERF_CONFIG_INVALID');
    expect(error.message).toContain('exclude pattern "(unclosed" is not a valid regex');
    expect(error.file).toBe(file);
  });
});

describe('resolveConfig', () => {
  it('keeps valid exclude patterns and the given root', () => {
    const config = resolveConfig({ exclude: ['e2e/', '\\.slow\\.'] }, '/repo');

    expect(config.exclude).toEqual(['e2e/', '\\.slow\\.']);
    expect(config.rootDir).toBe('/repo');
    expect(config.source).toBeNull();
  });

  it('rejects a config that is not an object, without naming a file it does not have', () => {
    const error = catchError(() => resolveConfig([1], '/repo'));

    expect(error.message).toContain('field (root) must be object');
    expect(error.file).toBeUndefined();
  });

  it('treats a package.json that is not an object (null, an array) as having no config', () => {
    writeJson('package.json', null);
    expect(loadConfig(root).source).toBeNull();
    writeJson('package.json', [1, 2]);
    expect(loadConfig(root).source).toBeNull();
  });

  it('rejects a historySize below 1', () => {
    expect(() => resolveConfig({ historySize: 0 }, '/repo')).toThrow('field /historySize must be >= 1');
  });
});
