import * as fs from 'node:fs';
import { cachedFile } from '../cachedFile';
import { cachedTable } from '../cachedTable';
import { getCacheStats } from '../stats';
import { makeTable, onlyFile, rowsOf, useCacheSandbox } from './helpers/setup';

const sandbox = useCacheSandbox();

type Corrupt = (data: string, sidecar: string) => void;

const truncate: Corrupt = (data) => fs.truncateSync(data, Math.floor(fs.statSync(data).size / 2));
const garbage: Corrupt = (data) => fs.writeFileSync(data, Buffer.alloc(fs.statSync(data).size, 0x5a));
const flipOneByte: Corrupt = (data) => {
  const bytes = fs.readFileSync(data);
  const at = Math.floor(bytes.length / 2);
  bytes[at] = (bytes[at] ?? 0) ^ 0xff;
  fs.writeFileSync(data, bytes);
};
const editSidecar =
  (edit: (json: Record<string, unknown>) => void): Corrupt =>
  (_data, sidecar) => {
    const json = JSON.parse(fs.readFileSync(sidecar, 'utf8')) as Record<string, unknown>;
    edit(json);
    fs.writeFileSync(sidecar, JSON.stringify(json));
  };

const CASES: [string, Corrupt, string][] = [
  ['truncated data', truncate, 'size'],
  ['garbage bytes of the same size', garbage, 'checksum mismatch'],
  ['one flipped byte', flipOneByte, 'checksum mismatch'],
  ['a wrong checksum in the sidecar', editSidecar((json) => (json.sha256 = 'a'.repeat(64))), 'checksum mismatch'],
  ['a missing sidecar', (_data, sidecar) => fs.rmSync(sidecar), 'metadata sidecar missing'],
  [
    'a sidecar that is not JSON',
    (_data, sidecar) => fs.writeFileSync(sidecar, '{"schemaVersion": 1, "ke'),
    'not valid JSON',
  ],
  ['a sidecar that fails its schema', editSidecar((json) => (json.size = -1)), 'field /size must be >= 0'],
  ['a sidecar marked invalid', editSidecar((json) => (json.valid = false)), 'marks it invalid'],
  ['a sidecar of another entry', editSidecar((json) => (json.key = 'b'.repeat(64))), 'another entry'],
];

describe.each(['arrow', 'parquet'] as const)('a corrupt %s table entry', (format) => {
  it.each(CASES)('with %s is deleted, logged once and rebuilt', async (_what, corrupt, reason) => {
    const build = jest.fn(() => makeTable(200));
    const options = { dir: sandbox.dir(), format, memoryMaxBytes: 0 };
    await cachedTable({ rows: 200 }, build, options);
    corrupt(onlyFile(sandbox.dir(), `.${format}`), onlyFile(sandbox.dir(), '.meta.json'));

    const rebuilt = await cachedTable({ rows: 200 }, build, options);
    const again = await cachedTable({ rows: 200 }, build, options);

    expect(build).toHaveBeenCalledTimes(2);
    expect(rowsOf(rebuilt)).toEqual(rowsOf(makeTable(200)));
    expect(rowsOf(again)).toEqual(rowsOf(makeTable(200)));
    expect(sandbox.stderr()).toEqual([expect.stringContaining(reason)]);
    expect(sandbox.stderr()[0]).toMatch(
      /^jest-perf fixture-cache: discarded corrupt entry [0-9a-f]{12} in .*; rebuilding\n$/,
    );
    expect(getCacheStats()).toMatchObject({ misses: 2, rebuilds: 1, hits: 1 });
  });

  it('whose bytes do not parse is rebuilt also when only sizes are verified', async () => {
    const build = jest.fn(() => makeTable(50));
    const options = { dir: sandbox.dir(), format, memoryMaxBytes: 0, verify: 'size' as const };
    await cachedTable({ rows: 50 }, build, options);
    garbage(onlyFile(sandbox.dir(), `.${format}`), '');

    const rebuilt = await cachedTable({ rows: 50 }, build, options);

    expect(build).toHaveBeenCalledTimes(2);
    expect(rowsOf(rebuilt)).toEqual(rowsOf(makeTable(50)));
    expect(sandbox.stderr()).toEqual([expect.stringContaining(`unreadable ${format} data`)]);
  });
});

describe('a corrupt file entry', () => {
  it.each(CASES)('with %s is deleted, logged once and rebuilt', async (_what, corrupt, reason) => {
    const build = jest.fn((target: string) => fs.writeFileSync(target, 'a,b\n1,2\n'.repeat(100)));
    const options = { dir: sandbox.dir(), extension: '.csv', memoryMaxBytes: 0 };
    await cachedFile({ rows: 100 }, build, options);
    corrupt(onlyFile(sandbox.dir(), '.csv'), onlyFile(sandbox.dir(), '.meta.json'));

    const file = await cachedFile({ rows: 100 }, build, options);

    expect(build).toHaveBeenCalledTimes(2);
    expect(fs.readFileSync(file, 'utf8')).toBe('a,b\n1,2\n'.repeat(100));
    expect(sandbox.stderr()).toEqual([expect.stringContaining(reason)]);
  });

  it('edited after it was returned is caught by the memory layer (changed mtime) and rebuilt', async () => {
    const build = jest.fn((target: string) => fs.writeFileSync(target, 'original'));
    const options = { dir: sandbox.dir(), extension: '.txt' };
    const file = await cachedFile({ k: 1 }, build, options);
    fs.writeFileSync(file, 'mutated!');

    const again = await cachedFile({ k: 1 }, build, options);

    expect(build).toHaveBeenCalledTimes(2);
    expect(fs.readFileSync(again, 'utf8')).toBe('original');
    expect(sandbox.stderr()).toEqual([expect.stringContaining('checksum mismatch')]);
  });
});

describe('a corrupt entry behind the memory layer', () => {
  it('is not served from memory once its file changed on disk', async () => {
    const build = jest.fn(() => makeTable(30));
    const options = { dir: sandbox.dir() };
    await cachedTable({ rows: 30 }, build, options);
    truncate(onlyFile(sandbox.dir(), '.arrow'), '');

    const table = await cachedTable({ rows: 30 }, build, options);

    expect(build).toHaveBeenCalledTimes(2);
    expect(rowsOf(table)).toEqual(rowsOf(makeTable(30)));
    expect(getCacheStats()).toMatchObject({ memoryHits: 0, rebuilds: 1 });
  });
});
