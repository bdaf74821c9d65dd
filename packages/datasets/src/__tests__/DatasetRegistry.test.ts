import type * as fs from 'node:fs';
import * as path from 'node:path';
import { DatasetRegistry } from '../DatasetRegistry';
import { DatasetError } from '../errors';
import type { DatasetRegistryOptions } from '../types';
import { type FakeChannel, installChannel, removeChannel, restoreChannel } from './helpers/fakeChannel';
import { removeTempDirs, tempDir, writeFiles } from './helpers/tempDatasets';

interface Config {
  name?: string;
  files: { path: string }[];
  rows: number;
}

const schema = {
  type: 'object',
  required: ['files', 'rows'],
  properties: {
    $schema: { type: 'string' },
    name: { type: 'string' },
    files: { type: 'array', items: { type: 'object', required: ['path'], properties: { path: { type: 'string' } } } },
    rows: { type: 'integer', minimum: 1 },
  },
};

/** Three datasets: `a` and `b` available, `c` missing its data file. */
function datasetsDir(extra: Record<string, string | object> = {}): string {
  return tempDir({
    'a.json': { name: 'a', files: [{ path: 'data/a.csv' }], rows: 1 },
    'b.json': { files: [{ path: 'data/b.csv' }], rows: 2 },
    'c.json': { files: [{ path: 'data/c.csv' }], rows: 3 },
    'data/a.csv': 'x\n1\n',
    'data/b.csv': 'x\n2\n',
    'notes.txt': 'not a config',
    '.backup.json': '{',
    ...extra,
  });
}

function registry(dir: string, options: Partial<DatasetRegistryOptions<string, Config>> = {}) {
  const load = jest.fn(
    async (config: Config, _dir: string, context: { name: string }) => `${context.name}:${config.rows}`,
  );
  const reg = new DatasetRegistry<string, Config>({ dir, schema, load, ...options });
  return { reg, load: options.load ? (options.load as jest.Mock) : load };
}

let channel: FakeChannel;
beforeEach(() => {
  channel = installChannel();
});
afterEach(() => {
  restoreChannel();
  removeTempDirs();
  delete process.env.JEST_PERF_EAGER_DATASETS;
});

describe('discovery', () => {
  it('lists the configs of the folder by name, sorted, without loading anything', () => {
    const { reg, load } = registry(datasetsDir());
    expect(reg.names()).toEqual(['a', 'b', 'c']);
    expect(reg.config('b')).toEqual({ files: [{ path: 'data/b.csv' }], rows: 2 });
    expect(load).not.toHaveBeenCalled();
  });

  it('takes the dataset name from the configFile pattern', () => {
    const dir = tempDir({ 'x.dataset.json': { files: [], rows: 1 }, 'y.json': { files: [], rows: 1 } });
    expect(registry(dir, { configFile: '*.dataset.json' }).reg.names()).toEqual(['x']);
  });

  it('resolves a relative dir against the working directory', () => {
    const dir = datasetsDir();
    const { reg } = registry(path.relative(process.cwd(), dir));
    expect(reg.dir).toBe(dir);
    expect(reg.names()).toEqual(['a', 'b', 'c']);
  });

  it('fails with the folder and the fix when the folder does not exist', () => {
    const dir = path.join(tempDir(), 'nope');
    const { reg } = registry(dir, { fix: 'run `pnpm generate-data`' });
    expect(() => reg.names()).toThrow(expect.objectContaining({ code: 'JEST_PERF_DATASETS_DIR_MISSING' }));
    expect(() => reg.names()).toThrow(`datasets folder ${dir} does not exist`);
    expect(reg.availability('a')).toEqual({
      available: false,
      code: 'JEST_PERF_DATASETS_DIR_MISSING',
      reason: `datasets folder ${dir} does not exist — run \`pnpm generate-data\``,
    });
  });

  it('treats a file in place of the folder as a missing folder', () => {
    const file = path.join(tempDir({ f: '' }), 'f');
    expect(() => registry(file).reg.names()).toThrow(
      expect.objectContaining({ code: 'JEST_PERF_DATASETS_DIR_MISSING' }),
    );
  });

  it('names the known datasets when asked for an unknown one', async () => {
    const { reg } = registry(datasetsDir());
    expect(() => reg.config('zzz')).toThrow('No dataset named "zzz" (known: a, b, c)');
    expect(() => reg.availability('zzz')).toThrow(expect.objectContaining({ code: 'JEST_PERF_DATASET_NOT_FOUND' }));
    await expect(reg.getDatasetByName('zzz')).rejects.toMatchObject({ code: 'JEST_PERF_DATASET_NOT_FOUND' });
    expect(() => registry(tempDir()).reg.config('zzz')).toThrow('(known: none)');
  });
});

describe('config validation', () => {
  it('names the file and the field of a config that breaks the schema', () => {
    const dir = datasetsDir({ 'bad.json': { files: [{ path: 'data/a.csv' }], rows: 0 } });
    const { reg } = registry(dir);
    let error: unknown;
    try {
      reg.config('bad');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DatasetError);
    expect(error).toMatchObject({ code: 'JEST_PERF_DATASET_CONFIG_INVALID', file: path.join(dir, 'bad.json') });
    expect((error as Error).message).toContain('config bad.json is invalid: field /rows must be >= 1');
    expect((error as Error).message).toContain(path.join(dir, 'bad.json'));
    expect(reg.availability('bad')).toMatchObject({
      available: false,
      code: 'JEST_PERF_DATASET_CONFIG_INVALID',
      reason: expect.stringContaining('field /rows must be >= 1'),
    });
  });

  it('lists every failing field', () => {
    const { reg } = registry(datasetsDir({ 'bad.json': { files: 'x', rows: 'y' } }));
    expect(() => reg.config('bad')).toThrow(/field \/files must be array; field \/rows must be integer/);
  });

  it('makes only the dataset with a broken config unavailable', async () => {
    const { reg, load } = registry(datasetsDir({ 'broken.json': '{ "rows": ' }));
    expect(reg.availability('broken')).toMatchObject({
      available: false,
      reason: expect.stringContaining('not readable JSON'),
    });
    expect(reg.availability('a')).toEqual({ available: true });
    await expect(reg.getDatasetByName('broken')).rejects.toMatchObject({ code: 'JEST_PERF_DATASET_CONFIG_INVALID' });
    expect(load).not.toHaveBeenCalled();
  });

  it('rejects a config that is not an object, even without a schema', () => {
    const { reg } = registry(tempDir({ 'list.json': [1, 2] }), { schema: undefined });
    expect(() => reg.config('list')).toThrow('field (root) must be an object');
  });

  it('rejects a config whose name field disagrees with its file name', () => {
    const { reg } = registry(datasetsDir({ 'd.json': { name: 'other', files: [], rows: 1 } }));
    expect(() => reg.config('d')).toThrow('field /name is "other" but the file is named for "d"');
  });

  it('reports a schema ajv cannot compile as a TypeError naming the option', () => {
    const { reg } = registry(datasetsDir(), { schema: { type: 'object', properties: { rows: { type: 'integr' } } } });
    expect(() => reg.names()).toThrow(TypeError);
    expect(() => reg.names()).toThrow('The option schema is not a valid JSON schema');
  });

  it('remembers verdicts in the worker store, so later test files skip ajv', () => {
    const dir = datasetsDir();
    registry(dir).reg.names();
    const verdicts = [...channel.workerStore.values()][0] as Map<string, string>;
    expect(verdicts.size).toBe(3);
    // A second registry (another test file) with the same schema and texts hits the shared verdicts.
    const spoiled = new Map([...verdicts].map(([key]) => [key, 'field /rows remembered']));
    channel.workerStore.set([...channel.workerStore.keys()][0] as string, spoiled);
    expect(() => registry(dir).reg.config('a')).toThrow('field /rows remembered');
  });

  it('validates again in each file when there is no worker store', () => {
    removeChannel();
    const { reg } = registry(datasetsDir({ 'bad.json': { files: [], rows: 0 } }));
    expect(() => reg.config('bad')).toThrow('field /rows must be >= 1');
    expect(registry(datasetsDir()).reg.config('a')).toMatchObject({ rows: 1 });
  });
});

describe('options', () => {
  const load = () => 'x';
  it.each([
    [{ dir: '', load }, 'The option dir'],
    [{ dir: 'x', load: 'nope' }, 'The option load'],
    [{ dir: 'x', load, schema: 'nope' }, 'The option schema'],
    [{ dir: 'x', load, files: ['a.csv'] }, 'The option files'],
    [{ dir: 'x', load, configFile: 'data/*.json' }, 'The option configFile'],
    [{ dir: 'x', load, configFile: '*.*.json' }, 'The option configFile'],
    [{ dir: 'x', load, configFile: 'config.json' }, 'The option configFile'],
  ])('rejects %j with a TypeError naming the option', (options, message) => {
    expect(() => new DatasetRegistry(options as unknown as DatasetRegistryOptions<string, Config>)).toThrow(
      new RegExp(`^${message}`),
    );
  });

  it('requires the files option to return strings', () => {
    const { reg } = registry(datasetsDir(), { files: () => [42 as unknown as string] });
    expect(() => reg.availability('a')).toThrow('The option files should return relative paths (strings)');
  });
});

describe('availability', () => {
  it('is available when the config is valid and its data files exist', () => {
    const { reg, load } = registry(datasetsDir());
    expect(reg.availability('a')).toEqual({ available: true });
    expect(load).not.toHaveBeenCalled();
  });

  it('names the missing data file and the fix, without loading', () => {
    const { reg, load } = registry(datasetsDir(), { fix: 'run `pnpm generate-data`' });
    expect(reg.availability('c')).toEqual({
      available: false,
      code: 'JEST_PERF_DATASET_FILE_MISSING',
      reason: 'data file data/c.csv does not exist — run `pnpm generate-data`',
    });
    expect(load).not.toHaveBeenCalled();
  });

  it('suggests editing the config when no fix option is given', () => {
    expect(registry(datasetsDir()).reg.availability('c')).toMatchObject({
      reason: 'data file data/c.csv does not exist — create it, or remove it from c.json',
    });
  });

  it('checks the files the files option lists', () => {
    const { reg } = registry(datasetsDir(), { files: (config) => [`data/${config.rows}.parquet`] });
    expect(reg.availability('a')).toMatchObject({
      available: false,
      reason: expect.stringContaining('data/1.parquet'),
    });
  });

  it('ignores $schema references when finding data files', () => {
    const { reg } = registry(datasetsDir({ 'd.json': { $schema: '../schema.json', files: [], rows: 1 } }));
    expect(reg.availability('d')).toEqual({ available: true });
  });
});

describe('getDatasetByName', () => {
  it('loads only the requested dataset, once, and counts the load', async () => {
    const dir = datasetsDir();
    const { reg, load } = registry(dir);
    await expect(reg.getDatasetByName('b')).resolves.toBe('b:2');
    await expect(reg.getDatasetByName('b')).resolves.toBe('b:2');
    expect(load).toHaveBeenCalledTimes(1);
    expect(load).toHaveBeenCalledWith({ files: [{ path: 'data/b.csv' }], rows: 2 }, dir, {
      name: 'b',
      configPath: path.join(dir, 'b.json'),
    });
    expect(channel.counts).toMatchObject({ 'datasets.loads': 1, 'datasets.cacheHits': 1 });
    expect(channel.counts['datasets.loadMs']).toBeGreaterThanOrEqual(0);
  });

  it('shares one load between concurrent callers', async () => {
    let finish: (value: string) => void = () => undefined;
    const load = jest.fn(() => new Promise<string>((resolve) => (finish = resolve)));
    const { reg } = registry(datasetsDir(), { load });
    const first = reg.getDatasetByName('a');
    const second = reg.getDatasetByName('a');
    await new Promise((resolve) => setImmediate(resolve));
    finish('loaded once');
    await expect(Promise.all([first, second])).resolves.toEqual(['loaded once', 'loaded once']);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('forgets a failed load so the next call retries', async () => {
    const load = jest.fn().mockRejectedValueOnce(new Error('disk hiccup')).mockResolvedValueOnce('second try');
    const { reg } = registry(datasetsDir(), { load });
    await expect(reg.getDatasetByName('a')).rejects.toThrow('disk hiccup');
    await expect(reg.getDatasetByName('a')).resolves.toBe('second try');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('turns a load that throws synchronously into a rejection', async () => {
    const load = jest.fn(() => {
      throw new Error('sync failure');
    });
    const { reg } = registry(datasetsDir(), { load });
    await expect(reg.getDatasetByName('a')).rejects.toThrow('sync failure');
  });

  it('refuses an unavailable dataset with the reason, the file and the fix', async () => {
    const dir = datasetsDir();
    const { reg, load } = registry(dir, { fix: 'run `pnpm generate-data`' });
    const error = await reg.getDatasetByName('c').catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'JEST_PERF_DATASET_FILE_MISSING', file: path.join(dir, 'data', 'c.csv') });
    expect((error as Error).message).toBe(
      `Dataset "c" is unavailable: data file data/c.csv does not exist (${path.join(dir, 'data', 'c.csv')})\n  Fix: run \`pnpm generate-data\``,
    );
    expect(load).not.toHaveBeenCalled();
  });

  it('counts nothing without the jest-perf channel', async () => {
    removeChannel();
    const { reg } = registry(datasetsDir());
    await expect(reg.getDatasetByName('a')).resolves.toBe('a:1');
  });
});

describe('eager mode (JEST_PERF_EAGER_DATASETS=1)', () => {
  it('loads every available dataset on first use, like the old fixture', async () => {
    process.env.JEST_PERF_EAGER_DATASETS = '1';
    const { reg, load } = registry(datasetsDir());
    await expect(reg.getDatasetByName('b')).resolves.toBe('b:2');
    expect(load.mock.calls.map((call) => call[2].name)).toEqual(['a', 'b']);
    await reg.getDatasetByName('a');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('retries the whole eager load after a failure', async () => {
    process.env.JEST_PERF_EAGER_DATASETS = '1';
    const load = jest.fn(async (_config: Config, _dir: string, context: { name: string }) => context.name);
    load.mockRejectedValueOnce(new Error('first a fails'));
    const { reg } = registry(datasetsDir(), { load });
    await expect(reg.getDatasetByName('b')).rejects.toThrow('first a fails');
    await expect(reg.getDatasetByName('b')).resolves.toBe('b');
    expect(load.mock.calls.map((call) => call[2].name)).toEqual(['a', 'a', 'b']);
  });

  it('stays lazy for any other value', async () => {
    process.env.JEST_PERF_EAGER_DATASETS = '0';
    const { reg, load } = registry(datasetsDir());
    await reg.getDatasetByName('b');
    expect(load).toHaveBeenCalledTimes(1);
  });
});

describe('discoveredDatasets (backwards compatible)', () => {
  it('loads every available dataset and returns the old shape', async () => {
    const { reg, load } = registry(datasetsDir({ 'bad.json': { rows: 0 } }));
    const all = await reg.discoveredDatasets();
    expect(all).toEqual({
      available: ['a', 'b'],
      configs: {
        a: { name: 'a', files: [{ path: 'data/a.csv' }], rows: 1 },
        b: { files: [{ path: 'data/b.csv' }], rows: 2 },
        c: { files: [{ path: 'data/c.csv' }], rows: 3 },
      },
      allDatasets: { a: 'a:1', b: 'b:2' },
    });
    await reg.getDatasetByName('a');
    expect(load).toHaveBeenCalledTimes(2);
  });
});

describe('reset', () => {
  it('forgets configs and loaded datasets', async () => {
    const dir = datasetsDir();
    const { reg, load } = registry(dir);
    await reg.getDatasetByName('a');
    writeFiles(dir, { 'c.json': { files: [{ path: 'data/a.csv' }], rows: 9 }, 'e.json': { files: [], rows: 5 } });
    expect(reg.names()).toEqual(['a', 'b', 'c']);
    reg.reset();
    expect(reg.names()).toEqual(['a', 'b', 'c', 'e']);
    expect(reg.availability('c')).toEqual({ available: true });
    await reg.getDatasetByName('a');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('does not let a load started before reset evict the new one', async () => {
    const failures: ((error: Error) => void)[] = [];
    const load = jest
      .fn()
      .mockImplementationOnce(() => new Promise((_resolve, reject) => failures.push(reject)))
      .mockResolvedValue('fresh');
    const { reg } = registry(datasetsDir(), { load });
    const stale = reg.getDatasetByName('a');
    await new Promise((resolve) => setImmediate(resolve));
    reg.reset();
    await expect(reg.getDatasetByName('a')).resolves.toBe('fresh');
    failures[0]?.(new Error('stale failure'));
    await expect(stale).rejects.toThrow('stale failure');
    await expect(reg.getDatasetByName('a')).resolves.toBe('fresh');
    expect(load).toHaveBeenCalledTimes(2);
  });
});

it('does not read data files during discovery or availability', () => {
  const dir = datasetsDir();
  // The module object itself (not this file's import wrapper), so the registry's calls are seen.
  const read = jest.spyOn(require('node:fs') as typeof fs, 'readFileSync');
  try {
    const { reg } = registry(dir);
    reg.names();
    reg.availability('a');
    const files = read.mock.calls.map((call) => path.basename(String(call[0])));
    expect(files.every((file) => file.endsWith('.json'))).toBe(true);
  } finally {
    read.mockRestore();
  }
});

it('infers the dataset and config types from load', async () => {
  const reg = new DatasetRegistry({
    dir: datasetsDir(),
    load: async (config: Config) => ({ doubled: config.rows * 2 }),
  });
  const loaded: { doubled: number } = await reg.getDatasetByName('b');
  const rows: number = reg.config('b').rows;
  expect(loaded).toEqual({ doubled: 4 });
  expect(rows).toBe(2);
});
