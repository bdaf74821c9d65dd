import { type Table, tableToIPC } from 'apache-arrow';
import type { TableFormat } from './types';

/** `ARROW1`: first and last bytes of an Arrow IPC file. */
const MAGIC = [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31];

function hasMagic(data: Uint8Array, at: number): boolean {
  return MAGIC.every((byte, i) => data[at + i] === byte);
}

/**
 * Arrow IPC file format (Feather v2): the default. Writing is a copy of the table's buffers and
 * reading is zero-copy, so a hit costs little more than reading the file.
 */
export const arrowIpcFormat: TableFormat = {
  name: 'arrow',
  extension: '.arrow',
  encode(table: Table) {
    const data = tableToIPC(table, 'file');
    return { data, ipc: data };
  },
  toIpc(data: Uint8Array) {
    // The footer is written last: without both magics the file was cut short or overwritten.
    if (data.length < 12 || !hasMagic(data, 0) || !hasMagic(data, data.length - MAGIC.length)) {
      throw new Error('not an Arrow IPC file (magic bytes missing)');
    }
    return data;
  },
};
