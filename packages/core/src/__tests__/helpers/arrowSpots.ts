/**
 * Where an Arrow IPC file keeps the counts and lengths its reader acts on (footer, blocks, message
 * headers, field nodes, buffers): the bytes a damage test overwrites with huge values. Found with the
 * flatbuffers tables apache-arrow reads itself, so the test hits each field, not a guess at its offset.
 */

import { DictionaryBatch } from 'apache-arrow/fb/dictionary-batch';
import { Footer } from 'apache-arrow/fb/footer';
import { Message } from 'apache-arrow/fb/message';
import { RecordBatch } from 'apache-arrow/fb/record-batch';
import { ByteBuffer } from 'flatbuffers';

export interface Spot {
  at: number;
  what: string;
  /** Width of the field: 4 (int32 counts) or 8 (int64 lengths and offsets). */
  bytes: 4 | 8;
}

interface Table {
  bb_pos: number;
}

/** Position in `bb` of the length word of the vector in `table`'s vtable slot `slot`, or -1 without one. */
function vectorLengthAt(bb: ByteBuffer, table: Table, slot: number): number {
  const offset = bb.__offset(table.bb_pos, slot);
  return offset ? bb.__vector(table.bb_pos + offset) - 4 : -1;
}

/** Every count and length in the file's metadata. */
export function arrowSpots(file: Uint8Array): Spot[] {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const footerStart = file.length - 10 - view.getInt32(file.length - 10, true);
  const bb = new ByteBuffer(file.subarray(footerStart, file.length - 10));
  const footer = Footer.getRootAsFooter(bb);
  const spots: Spot[] = [
    { at: file.length - 10, what: 'footer length', bytes: 4 },
    { at: footerStart + vectorLengthAt(bb, footer, 8), what: 'dictionary block count', bytes: 4 },
    { at: footerStart + vectorLengthAt(bb, footer, 10), what: 'record batch block count', bytes: 4 },
    { at: footerStart + vectorLengthAt(bb, footer.schema() as Table, 6), what: 'schema field count', bytes: 4 },
  ];
  const blocks = [
    ...Array.from({ length: footer.dictionariesLength() }, (_, i) => ['dictionary', footer.dictionaries(i)] as const),
    ...Array.from(
      { length: footer.recordBatchesLength() },
      (_, i) => ['record batch', footer.recordBatches(i)] as const,
    ),
  ];
  blocks.forEach(([kind, block], n) => {
    if (!block) return;
    const what = `${kind} ${n}`;
    const offset = Number(block.offset());
    spots.push(
      { at: footerStart + block.bb_pos, what: `${what} block offset`, bytes: 8 },
      { at: footerStart + block.bb_pos + 8, what: `${what} block metadata length`, bytes: 4 },
      { at: footerStart + block.bb_pos + 16, what: `${what} block body length`, bytes: 8 },
      { at: offset + 4, what: `${what} message metadata length`, bytes: 4 },
    );
    const start = offset + 8;
    const messageBb = new ByteBuffer(file.subarray(start, offset + block.metaDataLength()));
    const message = Message.getRootAsMessage(messageBb);
    spots.push({
      at: start + message.bb_pos + messageBb.__offset(message.bb_pos, 10),
      what: `${what} body length`,
      bytes: 8,
    });
    const header =
      kind === 'dictionary'
        ? (message.header(new DictionaryBatch()) as DictionaryBatch).data()
        : (message.header(new RecordBatch()) as RecordBatch);
    if (!header) return;
    spots.push(
      { at: start + header.bb_pos + messageBb.__offset(header.bb_pos, 4), what: `${what} row count`, bytes: 8 },
      { at: start + vectorLengthAt(messageBb, header, 6), what: `${what} node count`, bytes: 4 },
      { at: start + vectorLengthAt(messageBb, header, 8), what: `${what} buffer count`, bytes: 4 },
    );
    for (let i = 0; i < header.nodesLength(); i += 1) {
      spots.push({ at: start + (header.nodes(i)?.bb_pos ?? 0), what: `${what} node ${i} length`, bytes: 8 });
    }
    for (let i = 0; i < header.buffersLength(); i += 1) {
      spots.push({ at: start + (header.buffers(i)?.bb_pos ?? 0) + 8, what: `${what} buffer ${i} length`, bytes: 8 });
    }
  });
  return spots;
}

/** `file` with the field at `spot` set to a huge value (`0x7fffffff…`) or to all one bits (-1). */
export function overwrite(file: Uint8Array, spot: Spot, value: 'huge' | 'ones'): Buffer {
  const copy = Buffer.from(file);
  if (value === 'ones') copy.fill(0xff, spot.at, spot.at + spot.bytes);
  else if (spot.bytes === 8) copy.writeBigInt64LE(0x7fff_ffff_ffffn, spot.at);
  else copy.writeInt32LE(0x7fff_fff0, spot.at);
  return copy;
}
