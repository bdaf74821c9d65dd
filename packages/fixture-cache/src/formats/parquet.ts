import { type Table, tableToIPC } from 'apache-arrow';
// Types only: parquet-wasm's `./node` entry is an `exports` subpath, which TypeScript's node10
// resolution does not read; the runtime require below goes through `exports` as usual.
import type * as ParquetWasm from 'parquet-wasm/node/parquet_wasm';
import type { TableFormat } from './types';

let wasm: typeof ParquetWasm | undefined;
/** Loaded on first use: compiling the 5 MB wasm module costs tens of ms that Arrow-only users skip. */
function parquetWasm(): typeof ParquetWasm {
  wasm ??= require('parquet-wasm/node') as typeof ParquetWasm;
  return wasm;
}

/**
 * Parquet through parquet-wasm (Rust's parquet crate compiled to wasm, shipped inside the package):
 * smaller files than Arrow IPC, but encoding and decoding cost real time. Tables cross into wasm as
 * Arrow IPC streams.
 */
export const parquetFormat: TableFormat = {
  name: 'parquet',
  extension: '.parquet',
  encode(table: Table) {
    const pw = parquetWasm();
    const ipc = tableToIPC(table, 'stream');
    // writeParquet consumes (frees) the wasm table
    const data = pw.writeParquet(pw.Table.fromIPCStream(ipc));
    return { data, ipc };
  },
  toIpc(data: Uint8Array) {
    return parquetWasm().readParquet(data).intoIPCStream();
  },
};
