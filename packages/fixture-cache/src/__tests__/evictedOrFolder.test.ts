import * as fs from 'node:fs';
import * as path from 'node:path';
import { cachedFile } from '../cachedFile';
import { cachedTable } from '../cachedTable';
import { evictToFit } from '../eviction';
import { getCacheStats } from '../stats';
import { entryPaths, readEntry } from '../store';
import { makeTable, onlyFile, rowsOf, useCacheSandbox } from './helpers/setup';

// a plain copy of node:fs, so the test can spy on rmSync (the real module's properties are not configurable)
jest.mock('node:fs', () => ({ ...jest.requireActual<typeof import('node:fs')>('node:fs') }));

const sandbox = useCacheSandbox();

describe('an entry another worker evicts while this one reads', () => {
  it('is a miss at every step of the eviction, never "corrupt"', async () => {
    const dir = sandbox.dir();
    await cachedTable({ n: 1 }, () => makeTable(100, 1), { dir, memoryMaxBytes: 0 });
    const data = onlyFile(dir, '.arrow');
    const paths = entryPaths(dir, path.basename(data, '.arrow'), '.arrow');
    const seen: string[] = [];
    const plainFs = jest.requireMock<typeof fs>('node:fs');
    const realRm = plainFs.rmSync;
    // Look the entry up between the eviction's file removals, as a second worker would.
    const spy = jest.spyOn(plainFs, 'rmSync').mockImplementation((file, options) => {
      realRm(file, options);
      seen.push(readEntry(paths, { keepBytes: true, verify: 'checksum' }).kind);
      seen.push(readEntry(paths, { keepBytes: false, verify: 'size' }).kind);
    });
    try {
      expect(evictToFit(dir, 1).evicted).toBe(1);
    } finally {
      spy.mockRestore();
    }
    expect(seen).toEqual(['miss', 'miss', 'miss', 'miss']);

    await cachedTable({ n: 1 }, () => makeTable(100, 1), { dir, memoryMaxBytes: 0 });
    expect(sandbox.stderr()).toEqual([]); // no "discarded corrupt entry … metadata sidecar missing"
    expect(getCacheStats()).toMatchObject({ misses: 2, rebuilds: 0, evictions: 0 });
  });
});

describe('an entry replaced by a folder', () => {
  it.each([
    ['data', '.arrow'],
    ['metadata', '.meta.json'],
  ])('(%s) is reported as corrupt, removed and rebuilt instead of throwing EISDIR', async (_what, suffix) => {
    const dir = sandbox.dir();
    const options = { dir, memoryMaxBytes: 0 };
    await cachedTable({ n: 1 }, () => makeTable(100, 1), options);
    const file = onlyFile(dir, suffix);
    fs.rmSync(file);
    fs.mkdirSync(file);
    fs.writeFileSync(path.join(file, 'inside'), 'x');

    const rebuilt = await cachedTable({ n: 1 }, () => makeTable(100, 1), options);

    expect(rowsOf(rebuilt)).toEqual(rowsOf(makeTable(100, 1)));
    expect(fs.statSync(file).isFile()).toBe(true);
    expect(sandbox.stderr()).toEqual([expect.stringMatching(/discarded corrupt entry .*is a folder/)]);
  });

  it('for a file entry is rebuilt too', async () => {
    const dir = sandbox.dir();
    const build = jest.fn((target: string) => fs.writeFileSync(target, 'a,b\n'));
    const options = { dir, extension: '.csv', memoryMaxBytes: 0 };
    await cachedFile({ n: 1 }, build, options);
    const file = onlyFile(dir, '.csv');
    fs.rmSync(file);
    fs.mkdirSync(file);

    const again = await cachedFile({ n: 1 }, build, options);

    expect(fs.readFileSync(again, 'utf8')).toBe('a,b\n');
    expect(build).toHaveBeenCalledTimes(2);
  });
});
