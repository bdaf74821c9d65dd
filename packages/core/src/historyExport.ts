import * as fs from 'node:fs';
import * as zlib from 'node:zlib';
import { JEST_PERF_CLI } from './command';
import { JestPerfError } from './errors';
import { historyExportHeaderSchema } from './schemas/historyExport.schema';
import { HISTORY_EXPORT_VERSION, type HistoryExportHeader } from './types';
import { validateWith } from './validate';

/** Schema metadata key of the export file holding its {@link HistoryExportHeader} as JSON. */
export const HISTORY_EXPORT_KEY = 'jest-perf:history-export';

/** Gunzipped, one run is a few MB at 10,000 tests: far past this, the row is damaged (or a zip bomb). */
const MAX_RUN_BYTES = 512 * 1024 * 1024;

/** One run of an export file: the run file's JSON, gzipped, with the two fields read without unzipping it. */
export interface ExportedRun {
  runId: string;
  startedAt: string;
  /** The run file's JSON text, gzipped. */
  gzipped: Uint8Array;
}

/** An export file read and checked down to its rows (each run's JSON is checked by who unzips it). */
export interface HistoryExportFile {
  header: HistoryExportHeader;
  runs: ExportedRun[];
}

const EXPORT_FIX = `export it again with \`${JEST_PERF_CLI} history export --out <file>\` (or delete it: the history restarts from the next run)`;

// apache-arrow is only loaded when an export is read or written.
function arrow(): typeof import('apache-arrow') {
  return require('apache-arrow') as typeof import('apache-arrow');
}

/**
 * The export file's bytes: an Arrow IPC file with one row per run. The run files are the source of truth
 * (`history.arrow` is derived from them), so the export carries them whole, each gzipped (test ids repeat
 * a lot: ~10× smaller), and the importing side rebuilds its index from them.
 */
export function encodeHistoryExport(runs: readonly ExportedRun[], exportedAt: Date): Uint8Array {
  const a = arrow();
  const header: HistoryExportHeader = {
    format: 'jest-perf-history',
    version: HISTORY_EXPORT_VERSION,
    exportedAt: exportedAt.toISOString(),
    runs: runs.length,
  };
  const columns = {
    runId: a.vectorFromArray(
      runs.map((r) => r.runId),
      new a.Utf8(),
    ),
    startedAt: a.vectorFromArray(
      runs.map((r) => r.startedAt),
      new a.Utf8(),
    ),
    run: a.vectorFromArray(
      runs.map((r) => r.gzipped),
      new a.Binary(),
    ),
  };
  const plain = new a.Table(columns);
  const schema = new a.Schema(plain.schema.fields, new Map([[HISTORY_EXPORT_KEY, JSON.stringify(header)]]));
  return a.tableToIPC(
    new a.Table(
      schema,
      plain.batches.map((batch) => new a.RecordBatch(schema, batch.data)),
    ),
    'file',
  );
}

type ArrowTable = import('apache-arrow').Table;

function invalid(file: string, message: string, fix = EXPORT_FIX): JestPerfError {
  return new JestPerfError('JEST_PERF_FILE_INVALID', message, { file, fix });
}

/** The header of `table`, checked. @throws JestPerfError when there is none or it is not ours. */
function headerOf(table: ArrowTable, file: string): HistoryExportHeader {
  const json = table.schema.metadata.get(HISTORY_EXPORT_KEY);
  if (json === undefined) {
    // The local index is an Arrow file too, and the likeliest wrong file to be handed over.
    const isIndex = table.schema.fields.some((field) => field.name === 'testId');
    throw invalid(
      file,
      `not a jest-perf history export: it has no '${HISTORY_EXPORT_KEY}' header${
        isIndex ? ' (it looks like .jest-perf/history.arrow, the local index, which holds only part of each run)' : ''
      }`,
      `pass a file written by \`${JEST_PERF_CLI} history export --out <file>\``,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw invalid(file, `history export header is not valid JSON`);
  }
  const version = (value as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > HISTORY_EXPORT_VERSION) {
    throw new JestPerfError(
      'JEST_PERF_VERSION_UNSUPPORTED',
      `history export has version ${version}, newer than this jest-perf understands (${HISTORY_EXPORT_VERSION})`,
      { file, fix: 'upgrade the @jest-perf packages to the version that exported it' },
    );
  }
  return validateWith<HistoryExportHeader>(historyExportHeaderSchema, value, {
    what: 'history export header',
    file,
    fix: EXPORT_FIX,
  });
}

/** The rows of `table`: run id, start and gzipped run, each present. @throws JestPerfError naming the row. */
function rowsOf(table: ArrowTable, header: HistoryExportHeader, file: string): ExportedRun[] {
  const a = arrow();
  const typed = (name: string, type: import('apache-arrow').Type) => {
    const column = table.getChild(name);
    if (!column || column.type.typeId !== type) throw invalid(file, `history export has no ${name} column of its type`);
    return column;
  };
  const runId = typed('runId', a.Type.Utf8);
  const startedAt = typed('startedAt', a.Type.Utf8);
  const run = typed('run', a.Type.Binary);
  if (table.numRows !== header.runs) {
    throw new JestPerfError(
      'JEST_PERF_FILE_CORRUPT',
      `history export holds ${table.numRows} run(s) where its header says ${header.runs}: it was cut short or altered`,
      { file, fix: EXPORT_FIX },
    );
  }
  const seen = new Set<string>();
  return Array.from({ length: table.numRows }, (_, i) => {
    const id = runId.get(i) as string | null;
    const start = startedAt.get(i) as string | null;
    const gzipped = run.get(i) as Uint8Array | null;
    if (id === null || start === null || gzipped === null)
      throw invalid(file, `history export row ${i} has an empty field`);
    if (seen.has(id)) throw invalid(file, `history export holds run ${id} twice`);
    seen.add(id);
    return { runId: id, startedAt: start, gzipped };
  });
}

/**
 * Reads an export file and checks its header and rows (the runs inside are checked by {@link unzipRun}'s
 * caller, one at a time). @throws JestPerfError saying what is wrong and how to fix it: a missing,
 * damaged or foreign file, a newer version, a cut-short file.
 */
export function readHistoryExport(file: string): HistoryExportFile {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (cause) {
    throw new JestPerfError('JEST_PERF_FILE_MISSING', 'Cannot read the history export', {
      file,
      fix: `pass the file \`${JEST_PERF_CLI} history export --out <file>\` wrote (or --if-present to skip a missing one)`,
      cause,
    });
  }
  let table: ArrowTable;
  try {
    table = arrow().tableFromIPC(bytes);
  } catch (cause) {
    throw new JestPerfError(
      'JEST_PERF_FILE_CORRUPT',
      'history export is not a readable Arrow file (damaged, cut short, or some other file)',
      {
        file,
        fix: EXPORT_FIX,
        cause,
      },
    );
  }
  const header = headerOf(table, file);
  return { header, runs: rowsOf(table, header, file) };
}

/** The run file's JSON bytes of one row. @throws JestPerfError when the row's data is damaged. */
export function unzipRun(run: ExportedRun, file: string): Buffer {
  try {
    return zlib.gunzipSync(run.gzipped, { maxOutputLength: MAX_RUN_BYTES });
  } catch (cause) {
    throw new JestPerfError('JEST_PERF_FILE_CORRUPT', `history export: the data of run ${run.runId} is damaged`, {
      file,
      fix: EXPORT_FIX,
      cause,
    });
  }
}

/** One run file's JSON text, gzipped for an export row. */
export function zipRun(json: string): Uint8Array {
  return zlib.gzipSync(json);
}
