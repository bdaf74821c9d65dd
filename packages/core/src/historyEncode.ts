import { type SortedRows, STATUS_WORDS } from './historyRows';
import type { SourceStamp } from './historyTypes';

/** Schema metadata key holding the run files' {@link SourceStamp}s, as JSON keyed by run id. */
export const SOURCES_KEY = 'jest-perf:sources';

type Arrow = typeof import('apache-arrow');
type ArrowData = import('apache-arrow').Data;

/**
 * A dictionary-encoded string column made straight from row keys into `words`, without building a JS
 * string per row (what `tableFromArrays` does): the run columns take the run's index per row, the test
 * columns the test's, so each dictionary holds one word per run or test. The keys are copied into the
 * narrowest index type that fits (200 runs: one byte a row); the copy is also needed because Arrow's
 * writer misplaces the buffers of columns that share one keys array.
 */
function dictionaryColumn(arrow: Arrow, words: string[], keys: ArrayLike<number>): ArrowData {
  const [indices, data] =
    words.length <= 0x7f
      ? [new arrow.Int8(), Int8Array.from(keys)]
      : words.length <= 0x7fff
        ? [new arrow.Int16(), Int16Array.from(keys)]
        : [new arrow.Int32(), Int32Array.from(keys)];
  const type = new arrow.Dictionary(new arrow.Utf8(), indices);
  const dictionary = arrow.vectorFromArray(words, new arrow.Utf8());
  return arrow.makeData({ type, length: keys.length, nullCount: 0, data, dictionary });
}

/**
 * The history's Arrow IPC file: the same seven columns `readHistory` has always read (so older files
 * stay readable), in one record batch, plus the run files' stamps in the schema's metadata.
 */
export function encodeRows(arrow: Arrow, rows: SortedRows, sources: Record<string, SourceStamp> | null): Uint8Array {
  const columns: [string, ArrowData][] = [
    [
      'runId',
      dictionaryColumn(
        arrow,
        rows.runs.map((r) => r.runId),
        rows.run,
      ),
    ],
    [
      'startedAt',
      dictionaryColumn(
        arrow,
        rows.runs.map((r) => r.startedAt),
        rows.run,
      ),
    ],
    [
      'commit',
      dictionaryColumn(
        arrow,
        rows.runs.map((r) => r.commit ?? ''),
        rows.run,
      ),
    ],
    ['testId', dictionaryColumn(arrow, rows.testIds, rows.test)],
    ['file', dictionaryColumn(arrow, rows.testFiles, rows.test)],
    ['durationMs', arrow.makeData({ type: new arrow.Float64(), length: rows.duration.length, data: rows.duration })],
    ['status', dictionaryColumn(arrow, [...STATUS_WORDS], rows.status)],
  ];
  const fields = columns.map(([name, data]) => new arrow.Field(name, data.type, false));
  const metadata = new Map<string, string>();
  if (sources) metadata.set(SOURCES_KEY, JSON.stringify(sources));
  const schema = new arrow.Schema(fields, metadata);
  const struct = arrow.makeData({
    type: new arrow.Struct(fields),
    length: rows.run.length,
    nullCount: 0,
    children: columns.map(([, data]) => data),
  });
  return arrow.tableToIPC(new arrow.Table(schema, new arrow.RecordBatch(schema, struct)), 'file');
}
