import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { Table, tableFromIPC } from 'apache-arrow';
import { resolveConfig } from './config';
import { lookupEntry } from './entryLookup';
import { FixtureCacheError } from './errors';
import { arrowIpcFormat } from './formats/arrowIpc';
import { parquetFormat } from './formats/parquet';
import type { TableFormat } from './formats/types';
import { canonicalize } from './key';
import type { MemoryValue } from './memoryLayer';
import { record } from './stats';
import type { TableCacheOptions } from './types';

const FORMATS: Record<string, TableFormat> = { arrow: arrowIpcFormat, parquet: parquetFormat };

async function runBuild(build: () => Table | Promise<Table>): Promise<{ table: Table; buildMs: number }> {
  const start = performance.now();
  const table = await build();
  const buildMs = performance.now() - start;
  record('buildMs', buildMs);
  if (!(table instanceof Table)) {
    throw new FixtureCacheError(
      'JEST_PERF_CACHE_BUILD_INVALID',
      'The build function of cachedTable did not return an Arrow Table',
      {
        fix: "return a Table made with the package's apache-arrow (21.x), e.g. tableFromArrays({ ... })",
      },
    );
  }
  return { table, buildMs };
}

/** The Table held by a memory entry, decoded again when it was made by another module registry (another test file). */
function tableOf(memory: MemoryValue): Table {
  if (memory.kind !== 'table') throw new Error('memory entry is not a table');
  if (memory.table instanceof Table) return memory.table;
  const table = tableFromIPC(memory.ipc);
  memory.table = table;
  return table;
}

/**
 * An Arrow table built once and then loaded from a content-hashed cache: by later tests in this
 * worker (from memory), by other workers and by later runs (from disk). The key is the sha256 of
 * `keyInputs` (canonical JSON), `options.sources`' contents and the cache version, so changing any
 * of them builds a new entry. Treat the returned table as read-only: it may be shared.
 *
 * @param keyInputs Everything the table depends on (row count, seed, schema version...): plain data only.
 * @param build Makes the table; called only on a miss.
 * @throws FixtureCacheError `JEST_PERF_CACHE_KEY_INVALID` (inputs), `JEST_PERF_CACHE_SOURCE_MISSING`,
 *   `JEST_PERF_CACHE_BUILD_INVALID` (build returned no Table); TypeError for bad options.
 * @example
 * let patients: Table;
 * beforeAll(async () => {
 *   patients = await cachedTable({ rows: 100_000, seed: 7 }, () => makePatients(100_000, 7), {
 *     name: 'patients',
 *     sources: [require.resolve('./makePatients')],
 *   });
 * });
 */
export async function cachedTable(
  keyInputs: unknown,
  build: () => Table | Promise<Table>,
  options?: TableCacheOptions,
): Promise<Table> {
  const config = resolveConfig(options, 'table');
  if (typeof build !== 'function') throw new TypeError('The build argument of cachedTable should be a function');
  const canonical = canonicalize(keyInputs);
  if (!config.enabled) {
    record('bypassed');
    return (await runBuild(build)).table;
  }
  const format = FORMATS[config.format] as TableFormat;
  const spec = {
    config,
    canonical,
    kind: 'table',
    format: format.name,
    keyFormat: format.name,
    extension: format.extension,
  } as const;
  return lookupEntry<Table>(spec, () => ({
    keepBytes: true,
    fromMemory: (entry) => tableOf(entry.value),
    fromDisk: (hit) => {
      const ipc = format.toIpc(hit.bytes as Buffer);
      const table = tableFromIPC(ipc);
      return { value: table, memory: { kind: 'table', ipc, table } };
    },
    build: async (temp) => {
      const { table, buildMs } = await runBuild(build);
      const { data, ipc } = format.encode(table);
      fs.writeFileSync(temp, data);
      const value = tableFromIPC(ipc);
      const sha256 = createHash('sha256').update(data).digest('hex');
      return {
        value,
        memory: { kind: 'table', ipc, table: value },
        size: data.byteLength,
        sha256,
        buildMs,
        rows: table.numRows,
      };
    },
  }));
}
