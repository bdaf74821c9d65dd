import realFs, * as fs from 'node:fs';
import * as path from 'node:path';
import { type Table, tableFromArrays } from 'apache-arrow';
import { cachedTable } from '../cachedTable';
import { clearMemoryLayer } from '../memoryLayer';
import { readSidecar } from '../sidecar';
import { getCacheStats } from '../stats';
import { entryFiles, makeTable, onlyFile, rowsOf, useCacheSandbox } from './helpers/setup';

const sandbox = useCacheSandbox();

describe('cachedTable', () => {
  it.each(['arrow', 'parquet'] as const)('builds once, then returns an equal table from disk (%s)', async (format) => {
    const build = jest.fn(() => makeTable(100));
    const options = { dir: sandbox.dir(), format, memoryMaxBytes: 0 };

    const first = await cachedTable({ rows: 100 }, build, options);
    const second = await cachedTable({ rows: 100 }, build, options);

    expect(build).toHaveBeenCalledTimes(1);
    expect(rowsOf(second)).toEqual(rowsOf(makeTable(100)));
    expect(rowsOf(first)).toEqual(rowsOf(second));
    expect(second.schema.fields.map(String)).toEqual(makeTable(1).schema.fields.map(String));
    const suffixes = entryFiles(sandbox.dir()).map((name) => name.replace(/^[0-9a-f]{64}\./, ''));
    expect(suffixes.sort()).toEqual([format, 'meta.json'].sort());
    expect(getCacheStats()).toMatchObject({ hits: 1, misses: 1, memoryHits: 0 });
  });

  it('writes a sidecar describing the entry', async () => {
    await cachedTable({ rows: 10, seed: 3 }, () => makeTable(10, 3), { dir: sandbox.dir(), name: 'patients' });

    const sidecar = readSidecar(onlyFile(sandbox.dir(), '.meta.json'));
    const data = fs.readFileSync(onlyFile(sandbox.dir(), '.arrow'));
    expect(sidecar).toMatchObject({
      kind: 'table',
      format: 'arrow',
      name: 'patients',
      inputs: '{"rows":10,"seed":3}',
      size: data.byteLength,
      valid: true,
      rows: 10,
      cacheVersion: 1,
    });
    expect(sidecar.fileName).toBe(path.basename(onlyFile(sandbox.dir(), '.arrow')));
  });

  it('builds a separate entry for different inputs, names and formats', async () => {
    const build = jest.fn(() => makeTable(5));
    const dir = sandbox.dir();

    await cachedTable({ rows: 5 }, build, { dir });
    await cachedTable({ rows: 6 }, build, { dir });
    await cachedTable({ rows: 5 }, build, { dir, name: 'other' });
    await cachedTable({ rows: 5 }, build, { dir, format: 'parquet' });
    await cachedTable({ rows: 5 }, build, { dir });

    expect(build).toHaveBeenCalledTimes(4);
  });

  it('serves a second get in the same process from memory, without reading the file', async () => {
    const build = jest.fn(() => makeTable(50));
    const options = { dir: sandbox.dir() };
    const first = await cachedTable({ rows: 50 }, build, options);
    const before = getCacheStats();
    const open = jest.spyOn(realFs, 'openSync'); // the module object itself: `import * as` copies are read-only;

    const second = await cachedTable({ rows: 50 }, build, options);

    expect(open).not.toHaveBeenCalled();
    open.mockRestore();
    expect(second).toBe(first);
    expect(getCacheStats()).toMatchObject({ hits: before.hits + 1, memoryHits: 1, bytesRead: before.bytesRead });
  });

  it('decodes again when the memory entry holds a table of another module registry (another test file)', async () => {
    const options = { dir: sandbox.dir() };
    const first = await cachedTable({ rows: 8 }, () => makeTable(8), options);
    const stranger = Object.create(null) as object; // what a Table from another registry looks like to instanceof
    const { memoryGet } = await import('../memoryLayer');
    const entry = memoryGet(onlyFile(sandbox.dir(), '.arrow'), 256 * 1024 * 1024);
    if (entry?.value.kind !== 'table') throw new Error('expected a table in memory');
    entry.value.table = stranger;

    const second = await cachedTable({ rows: 8 }, () => makeTable(8), options);

    expect(second).not.toBe(first);
    expect(rowsOf(second)).toEqual(rowsOf(first));
    expect(getCacheStats().memoryHits).toBe(1);
  });

  it('refreshes lastAccess on disk from memory hits at most once a minute', async () => {
    const options = { dir: sandbox.dir() };
    await cachedTable({ rows: 8 }, () => makeTable(8), options);
    const sidecarFile = onlyFile(sandbox.dir(), '.meta.json');
    const lastAccess = (): string => readSidecar(sidecarFile).lastAccess;
    const written = lastAccess();

    await cachedTable({ rows: 8 }, () => makeTable(8), options);
    expect(lastAccess()).toBe(written);

    const later = Date.now() + 61_000;
    const now = jest.spyOn(Date, 'now').mockReturnValue(later);
    try {
      await cachedTable({ rows: 8 }, () => makeTable(8), options);
    } finally {
      now.mockRestore();
    }
    expect(lastAccess()).not.toBe(written);
    expect(getCacheStats().memoryHits).toBe(2);
  });

  it('reloads from disk once the memory layer is cleared', async () => {
    const options = { dir: sandbox.dir() };
    await cachedTable({ rows: 8 }, () => makeTable(8), options);
    clearMemoryLayer();
    const open = jest.spyOn(realFs, 'openSync');

    await cachedTable({ rows: 8 }, () => makeTable(8), options);

    expect(open).toHaveBeenCalledWith(onlyFile(sandbox.dir(), '.arrow'), 'r');
    open.mockRestore();
    expect(getCacheStats()).toMatchObject({ hits: 1, memoryHits: 0 });
    expect(getCacheStats().bytesRead).toBeGreaterThan(0);
  });

  it('shares one build between concurrent calls in one process', async () => {
    const build = jest.fn(async () => makeTable(20));
    const options = { dir: sandbox.dir() };

    const [a, b] = await Promise.all([cachedTable({ n: 1 }, build, options), cachedTable({ n: 1 }, build, options)]);

    expect(build).toHaveBeenCalledTimes(1);
    expect(a).toBe(b);
  });

  it('accepts an async build and keeps column types through Parquet', async () => {
    const build = async (): Promise<Table> =>
      tableFromArrays({ when: [new Date(0), new Date(86_400_000)], n: Float64Array.from([1.5, 2.5]) });
    const options = { dir: sandbox.dir(), format: 'parquet' as const, memoryMaxBytes: 0 };

    await cachedTable({ dates: true }, build, options);
    const loaded = await cachedTable({ dates: true }, build, options);

    expect(loaded.schema.fields.map(String)).toEqual((await build()).schema.fields.map(String));
    expect(loaded.getChild('n')?.toArray()).toEqual(Float64Array.from([1.5, 2.5]));
  });

  it('fails with JEST_PERF_CACHE_BUILD_INVALID when build returns no Table, and stores nothing', async () => {
    const build = (() => ({ rows: [] })) as unknown as () => Table;

    await expect(cachedTable({ bad: 1 }, build, { dir: sandbox.dir() })).rejects.toMatchObject({
      code: 'JEST_PERF_CACHE_BUILD_INVALID',
    });
    expect(entryFiles(sandbox.dir())).toEqual([]);
    expect(fs.readdirSync(sandbox.dir()).filter((name) => name.includes('.tmp'))).toEqual([]);
  });

  it('passes a build error through and releases the lock', async () => {
    const options = { dir: sandbox.dir() };
    await expect(
      cachedTable(
        { boom: 1 },
        () => {
          throw new Error('generator broke');
        },
        options,
      ),
    ).rejects.toThrow('generator broke');

    const table = await cachedTable({ boom: 1 }, () => makeTable(3), { ...options, lockTimeoutMs: 0 });
    expect(table.numRows).toBe(3);
    expect(fs.readdirSync(sandbox.dir()).filter((name) => name.endsWith('.lock'))).toEqual([]);
  });

  it('rejects a build that is not a function', async () => {
    await expect(cachedTable({}, 'nope' as never, { dir: sandbox.dir() })).rejects.toThrow(
      'The build argument of cachedTable should be a function',
    );
  });

  it('uses JEST_PERF_CACHE_DIR when no dir option is given', async () => {
    process.env.JEST_PERF_CACHE_DIR = path.join(sandbox.dir(), 'from-env');

    await cachedTable({ env: 1 }, () => makeTable(2));

    expect(entryFiles(path.join(sandbox.dir(), 'from-env'))).toHaveLength(2);
    expect(fs.readFileSync(path.join(sandbox.dir(), 'from-env', '.gitignore'), 'utf8')).toContain('*');
  });
});
