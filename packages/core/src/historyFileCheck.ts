/**
 * A structural check of the history's Arrow IPC file, run before apache-arrow decodes it. Arrow trusts the
 * counts and lengths in the file's metadata: one flipped byte can make it loop over four billion "field
 * nodes" or decode a two-billion-row dictionary out of a few bytes, which ends in V8's out-of-memory abort
 * (uncatchable, exit 134) rather than an error. Here every count and length Arrow will act on is checked
 * against the bytes that hold it, with the flatbuffers tables Arrow itself reads, so a damaged file is
 * reported as corrupt and the decoding that follows allocates no more than the file's size.
 */
import type { ByteBuffer } from 'flatbuffers';

type Fb = typeof import('apache-arrow/fb/footer') &
  typeof import('apache-arrow/fb/message') &
  typeof import('apache-arrow/fb/record-batch') &
  typeof import('apache-arrow/fb/dictionary-batch') &
  typeof import('apache-arrow/fb/int') &
  typeof import('apache-arrow/fb/floating-point');
type FbField = import('apache-arrow/fb/field').Field;
type FbRecordBatch = import('apache-arrow/fb/record-batch').RecordBatch;
type FbBlock = import('apache-arrow/fb/block').Block;

// Loaded with the history only, never on Jest's startup path (as apache-arrow itself).
function fb(): Fb & { ByteBuffer: typeof ByteBuffer } {
  return {
    ...(require('apache-arrow/fb/footer') as typeof import('apache-arrow/fb/footer')),
    ...(require('apache-arrow/fb/message') as typeof import('apache-arrow/fb/message')),
    ...(require('apache-arrow/fb/record-batch') as typeof import('apache-arrow/fb/record-batch')),
    ...(require('apache-arrow/fb/dictionary-batch') as typeof import('apache-arrow/fb/dictionary-batch')),
    ...(require('apache-arrow/fb/int') as typeof import('apache-arrow/fb/int')),
    ...(require('apache-arrow/fb/floating-point') as typeof import('apache-arrow/fb/floating-point')),
    ByteBuffer: (require('flatbuffers') as typeof import('flatbuffers')).ByteBuffer,
  };
}

/** What a column may hold: text (dictionary-encoded or plain) or 64-bit floats. */
export type ColumnKind = 'text' | 'float64';

/** Damage found in the file: a sentence saying what is wrong, for the corrupt-file error. */
export class ArrowFileDamage extends Error {}

const MAGIC = 'ARROW1';
// Flatbuffers type ids (Arrow's Schema.fbs / Message.fbs).
const TYPE_FLOAT = 3;
const TYPE_UTF8 = 5;
const HEADER_DICTIONARY_BATCH = 2;
const HEADER_RECORD_BATCH = 3;
const PRECISION_DOUBLE = 2;
// Sizes of the flatbuffers structs and offsets a vector holds.
const BLOCK_BYTES = 24;
const NODE_BYTES = 16;
const BUFFER_BYTES = 16;
const OFFSET_BYTES = 4;
const CONTINUATION = 0xffffffff;

function ensure(ok: boolean, problem: string): asserts ok {
  if (!ok) throw new ArrowFileDamage(problem);
}

/** A vector of `count` items of `bytes` each fits in the flatbuffer (so a loop over it is bounded). */
function ensureFits(bb: ByteBuffer, count: number, bytes: number, what: string): void {
  ensure(count >= 0 && count * bytes <= bb.capacity(), `${what}: ${count} entries cannot fit in the metadata`);
}

/** A 64-bit count or offset from the file as a number, if it is one in 0..max. */
function within(value: bigint, max: number, what: string): number {
  ensure(value >= 0n && value <= BigInt(max), `${what} ${value} is outside 0..${max}`);
  return Number(value);
}

/** One column as the record batches lay it out: its kind and, when dictionary-encoded, its key width. */
interface Column {
  name: string;
  kind: ColumnKind;
  /** Bytes per key of a dictionary-encoded column, else null. */
  keyBytes: number | null;
  dictionaryId: bigint | null;
}

function readColumn(F: ReturnType<typeof fb>, field: FbField, expected: ReadonlyMap<string, ColumnKind>): Column {
  const name = field.name() ?? '';
  const kind = expected.get(name);
  ensure(kind !== undefined, `unexpected column '${name.slice(0, 40)}'`);
  ensure(field.childrenLength() === 0 && field.customMetadataLength() === 0, `column '${name}' has nested fields`);
  const dictionary = field.dictionary();
  if (kind === 'float64') {
    const float = field.type(new F.FloatingPoint()) as InstanceType<Fb['FloatingPoint']> | null;
    ensure(
      field.typeType() === TYPE_FLOAT && dictionary === null && float?.precision() === PRECISION_DOUBLE,
      `column '${name}' is not 64-bit floats`,
    );
    return { name, kind, keyBytes: null, dictionaryId: null };
  }
  ensure(field.typeType() === TYPE_UTF8, `column '${name}' is not text`);
  if (dictionary === null) return { name, kind, keyBytes: null, dictionaryId: null };
  const bits = dictionary.indexType()?.bitWidth() ?? 0;
  ensure(bits === 8 || bits === 16 || bits === 32, `column '${name}' has ${bits}-bit dictionary keys`);
  return { name, kind, keyBytes: bits / 8, dictionaryId: dictionary.id() };
}

/**
 * The buffers each column's node uses in a record batch, in Arrow's order after the validity bitmap, and
 * the bytes each needs for `rows` rows.
 */
function dataBuffers(column: Pick<Column, 'kind' | 'keyBytes'>, rows: number): number[] {
  if (column.keyBytes !== null) return [rows * column.keyBytes];
  if (column.kind === 'float64') return [rows * 8];
  return [rows === 0 ? 0 : (rows + 1) * 4, 0]; // offsets, then the UTF-8 bytes they point into
}

/** Checks a record batch's nodes and buffers against its columns and its body's length. */
function checkBatch(
  batch: FbRecordBatch,
  columns: readonly Pick<Column, 'name' | 'kind' | 'keyBytes'>[],
  bodyLength: number,
  bb: ByteBuffer,
  what: string,
): void {
  ensure(batch.compression() === null, `${what} is compressed`);
  ensureFits(bb, batch.nodesLength(), NODE_BYTES, `${what} nodes`);
  ensureFits(bb, batch.buffersLength(), BUFFER_BYTES, `${what} buffers`);
  ensure(batch.nodesLength() === columns.length, `${what} has ${batch.nodesLength()} columns, not ${columns.length}`);
  const rows = within(batch.length(), bodyLength, `${what} row count`);
  const needs = columns.map((column) => dataBuffers(column, rows));
  const bufferCount = needs.reduce((sum, bytes) => sum + 1 + bytes.length, 0);
  ensure(batch.buffersLength() === bufferCount, `${what} has ${batch.buffersLength()} buffers, not ${bufferCount}`);
  let b = 0;
  columns.forEach((column, i) => {
    const node = batch.nodes(i);
    const length = within(node?.length() ?? -1n, bodyLength, `${what} column '${column.name}' length`);
    ensure(length === rows, `${what} column '${column.name}' has ${length} rows, not ${rows}`);
    const nulls = within(node?.nullCount() ?? -1n, rows, `${what} column '${column.name}' null count`);
    for (const need of [nulls > 0 ? Math.ceil(rows / 8) : 0, ...(needs[i] as number[])]) {
      const buffer = batch.buffers(b);
      b += 1;
      const offset = within(buffer?.offset() ?? -1n, bodyLength, `${what} buffer offset`);
      const bytes = within(buffer?.length() ?? -1n, bodyLength - offset, `${what} buffer length`);
      ensure(bytes >= need, `${what} column '${column.name}' has ${bytes} bytes where ${need} are needed`);
    }
  });
}

/** The flatbuffer of the message a block points at, checked to end where the block says its body starts. */
function messageAt(F: ReturnType<typeof fb>, file: Uint8Array, block: { offset: number; metaLength: number }) {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const { offset, metaLength } = block;
  ensure(metaLength >= 8, `a message's metadata length ${metaLength} is too short`);
  const continued = view.getUint32(offset, true) === CONTINUATION;
  const prefix = continued ? 8 : 4;
  const length = view.getInt32(offset + prefix - 4, true);
  ensure(length > 0 && prefix + length <= metaLength, `a message's metadata length ${length} disagrees with its block`);
  const bb = new F.ByteBuffer(file.subarray(offset + prefix, offset + prefix + length));
  return { message: F.Message.getRootAsMessage(bb), bb };
}

/**
 * Checks the Arrow IPC file's magic, footer, schema and every dictionary and record batch message
 * against the file's size and the columns `expected` (name → kind; no others allowed).
 * @throws ArrowFileDamage saying what is wrong.
 */
export function checkArrowFile(file: Uint8Array, expected: ReadonlyMap<string, ColumnKind>): void {
  const F = fb();
  const text = (from: number, to: number) => Buffer.from(file.subarray(from, to)).toString('latin1');
  ensure(file.length >= 22, `the file has ${file.length} bytes, too few for an Arrow file`);
  ensure(text(0, 6) === MAGIC && text(file.length - 6, file.length) === MAGIC, 'the Arrow magic bytes are missing');
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const footerLength = view.getInt32(file.length - 10, true);
  const footerStart = file.length - 10 - footerLength;
  ensure(footerLength > 0 && footerStart >= 8, `footer length ${footerLength} does not fit in the file`);
  const bb = new F.ByteBuffer(file.subarray(footerStart, file.length - 10));
  const footer = F.Footer.getRootAsFooter(bb);
  const schema = footer.schema();
  ensure(schema !== null, 'the footer has no schema');
  ensureFits(bb, schema.fieldsLength(), OFFSET_BYTES, 'schema fields');
  ensureFits(bb, schema.customMetadataLength(), OFFSET_BYTES, 'schema metadata');
  ensureFits(bb, schema.featuresLength(), 8, 'schema features');
  ensureFits(bb, footer.customMetadataLength(), OFFSET_BYTES, 'footer metadata');
  ensureFits(bb, footer.dictionariesLength(), BLOCK_BYTES, 'dictionary blocks');
  ensureFits(bb, footer.recordBatchesLength(), BLOCK_BYTES, 'record batch blocks');
  const columns: Column[] = [];
  for (let i = 0; i < schema.fieldsLength(); i += 1) {
    const field = schema.fields(i);
    ensure(field !== null, `schema field ${i} is missing`);
    columns.push(readColumn(F, field, expected));
  }
  ensure(new Set(columns.map((c) => c.name)).size === columns.length, 'a column name appears twice');
  const dictionaryIds = new Set(columns.flatMap((c) => (c.dictionaryId === null ? [] : [c.dictionaryId])));
  ensure(
    dictionaryIds.size === columns.filter((c) => c.dictionaryId !== null).length,
    'two columns share a dictionary',
  );

  const blocks = (count: number, get: (i: number) => FbBlock | null, header: number) => {
    for (let i = 0; i < count; i += 1) {
      const block = get(i);
      const what = `${header === HEADER_RECORD_BATCH ? 'record batch' : 'dictionary'} ${i}`;
      const offset = within(block?.offset() ?? -1n, footerStart, `${what} offset`);
      const metaLength = within(BigInt(block?.metaDataLength() ?? -1), footerStart - offset, `${what} metadata`);
      const bodyLength = within(block?.bodyLength() ?? -1n, footerStart - offset - metaLength, `${what} body`);
      ensure(offset >= 8, `${what} starts inside the magic bytes`);
      const { message, bb: messageBb } = messageAt(F, file, { offset, metaLength });
      ensureFits(messageBb, message.customMetadataLength(), OFFSET_BYTES, `${what} metadata`);
      ensure(message.headerType() === header, `${what} holds another kind of message`);
      ensure(message.bodyLength() === BigInt(bodyLength), `${what} body length disagrees with its block`);
      if (header === HEADER_RECORD_BATCH) {
        const batch = message.header(new F.RecordBatch()) as FbRecordBatch | null;
        ensure(batch !== null, `${what} has no header`);
        checkBatch(batch, columns, bodyLength, messageBb, what);
      } else {
        const dictionary = message.header(new F.DictionaryBatch()) as InstanceType<Fb['DictionaryBatch']> | null;
        ensure(dictionary !== null && dictionaryIds.has(dictionary.id()), `${what} belongs to no column`);
        ensure(!dictionary.isDelta(), `${what} is a delta`);
        const data = dictionary.data();
        ensure(data !== null, `${what} has no data`);
        const words = { name: `dictionary ${dictionary.id()}`, kind: 'text', keyBytes: null } as const;
        checkBatch(data, [words], bodyLength, messageBb, what);
      }
    }
  };
  blocks(footer.dictionariesLength(), (i) => footer.dictionaries(i), HEADER_DICTIONARY_BATCH);
  blocks(footer.recordBatchesLength(), (i) => footer.recordBatches(i), HEADER_RECORD_BATCH);
}
