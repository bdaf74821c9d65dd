import * as fs from 'node:fs';
import * as path from 'node:path';
import { DatasetRegistry } from '../DatasetRegistry';
import { isDatasetError } from '../errors';
import { assertDatasetName, isInside, resolveInside } from '../paths';
import { installChannel, restoreChannel } from './helpers/fakeChannel';
import { removeTempDirs, tempDir } from './helpers/tempDatasets';

beforeEach(() => installChannel());
afterEach(() => {
  restoreChannel();
  removeTempDirs();
});

/** A datasets folder next to a `secret/` folder that no name or config may reach. */
function layout(configs: Record<string, object>): { dir: string; secret: string } {
  const root = tempDir({ 'secret/x.csv': 'secret', 'secret/x.json': { files: [] }, 'datasets/data/ok.csv': 'ok' });
  const dir = path.join(root, 'datasets');
  for (const [name, config] of Object.entries(configs)) {
    fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(config));
  }
  return { dir, secret: path.join(root, 'secret') };
}

function registry(dir: string) {
  const load = jest.fn(() => 'loaded');
  return { reg: new DatasetRegistry({ dir, load }), load };
}

describe('dataset names', () => {
  it.each(['../x', '../secret/x', 'a/b', 'a\\b', '/etc/passwd', '.', '..', '', ' a', 'a b', '-a', '_a', 'a.json'])(
    'rejects %j before touching the disk',
    async (name) => {
      const { dir } = layout({ ok: { files: ['data/ok.csv'] } });
      const { reg, load } = registry(dir);
      expect(() => reg.availability(name)).toThrow(expect.objectContaining({ code: 'JEST_PERF_DATASET_NAME_INVALID' }));
      expect(() => reg.config(name)).toThrow('Invalid dataset name');
      await expect(reg.getDatasetByName(name)).rejects.toMatchObject({ code: 'JEST_PERF_DATASET_NAME_INVALID' });
      expect(load).not.toHaveBeenCalled();
    },
  );

  it('accepts letters, digits, "_" and "-"', () => {
    expect(() => assertDatasetName('Statin_2024-v2')).not.toThrow();
    expect(() => assertDatasetName(42)).toThrow('Invalid dataset name 42');
  });

  it('refuses a config file whose name is no dataset name, naming the file', () => {
    const { dir } = layout({ 'with space': { files: [] } });
    const { reg } = registry(dir);
    expect(() => reg.names()).toThrow(expect.objectContaining({ code: 'JEST_PERF_DATASET_NAME_INVALID' }));
    expect(() => reg.names()).toThrow(path.join(dir, 'with space.json'));
  });
});

describe('data file paths', () => {
  it.each([
    ['a path up and out', '../secret/x.csv', 'points outside the datasets folder'],
    [
      'a path that leaves and comes back the wrong way',
      'data/../../secret/x.csv',
      'points outside the datasets folder',
    ],
    ['an absolute path', '/etc/passwd.csv', 'is an absolute path'],
    ['a Windows absolute path', 'C:\\secret\\x.csv', 'is an absolute path'],
  ])('makes a dataset whose config names %s unavailable, never loading it', async (_what, file, why) => {
    const { dir } = layout({ evil: { files: [file] } });
    const { reg, load } = registry(dir);
    expect(reg.availability('evil')).toEqual({
      available: false,
      code: 'JEST_PERF_DATASET_PATH_OUTSIDE',
      reason: expect.stringContaining(`data file ${file} ${why}`),
    });
    await expect(reg.getDatasetByName('evil')).rejects.toMatchObject({ code: 'JEST_PERF_DATASET_PATH_OUTSIDE' });
    expect(load).not.toHaveBeenCalled();
  });

  it('follows symlinks: a data file linking outside the folder is refused', () => {
    const { dir, secret } = layout({ evil: { files: ['data/link.csv'] } });
    fs.symlinkSync(path.join(secret, 'x.csv'), path.join(dir, 'data', 'link.csv'));
    expect(registry(dir).reg.availability('evil')).toMatchObject({
      available: false,
      code: 'JEST_PERF_DATASET_PATH_OUTSIDE',
      reason: expect.stringContaining(`is a symlink to ${path.join(secret, 'x.csv')}`),
    });
  });

  it('follows symlinks: a data folder linking outside is refused', () => {
    const { dir, secret } = layout({ evil: { files: ['linked/x.csv'] } });
    fs.symlinkSync(secret, path.join(dir, 'linked'), 'dir');
    expect(registry(dir).reg.availability('evil')).toMatchObject({ code: 'JEST_PERF_DATASET_PATH_OUTSIDE' });
  });

  it('allows symlinks that stay inside, and a datasets folder that is itself a symlink', async () => {
    const { dir } = layout({ ok: { files: ['data/alias.csv'] } });
    fs.symlinkSync(path.join(dir, 'data', 'ok.csv'), path.join(dir, 'data', 'alias.csv'));
    const linkedDir = `${dir}-link`;
    fs.symlinkSync(dir, linkedDir, 'dir');
    try {
      const { reg } = registry(linkedDir);
      expect(reg.availability('ok')).toEqual({ available: true });
      await expect(reg.getDatasetByName('ok')).resolves.toBe('loaded');
    } finally {
      fs.unlinkSync(linkedDir);
    }
  });
});

describe('config files', () => {
  it('refuses a config file that is a symlink to a file outside the folder', () => {
    const { dir, secret } = layout({});
    fs.symlinkSync(path.join(secret, 'x.json'), path.join(dir, 'leak.json'));
    const { reg } = registry(dir);
    expect(reg.names()).toEqual(['leak']);
    expect(reg.availability('leak')).toMatchObject({ available: false, code: 'JEST_PERF_DATASET_PATH_OUTSIDE' });
    let error: unknown;
    try {
      reg.config('leak');
    } catch (caught) {
      error = caught;
    }
    expect(isDatasetError(error)).toBe(true);
    expect((error as Error).message).toContain(`config leak.json is a symlink to ${path.join(secret, 'x.json')}`);
  });
});

describe('isInside / resolveInside', () => {
  it('compares whole path segments', () => {
    expect(isInside('/a/b', '/a/b')).toBe(true);
    expect(isInside('/a/b', '/a/b/c')).toBe(true);
    expect(isInside('/a/b', '/a/bc')).toBe(false);
    expect(isInside('/a/b', '/a')).toBe(false);
    expect(isInside('/a/b', '/a/b/..c')).toBe(true);
  });

  it('reports a missing file inside the folder as inside but missing', () => {
    const dir = tempDir();
    expect(resolveInside(dir, dir, 'data/none.csv')).toEqual({
      kind: 'inside',
      path: path.join(dir, 'data', 'none.csv'),
      exists: false,
    });
  });
});
