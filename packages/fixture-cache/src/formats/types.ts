import type { Table } from 'apache-arrow';
import type { TableFormatName } from '../types';

/** How a table is stored on disk. In memory, tables travel as Arrow IPC bytes (`tableFromIPC` reads them without a copy). */
export interface TableFormat {
  readonly name: TableFormatName;
  /** Data file extension. */
  readonly extension: string;
  /** The bytes to write, and the Arrow IPC bytes the memory layer keeps for this table. */
  encode(table: Table): { data: Uint8Array; ipc: Uint8Array };
  /** Bytes read from disk → Arrow IPC bytes. Throws on unreadable data. */
  toIpc(data: Uint8Array): Uint8Array;
}
