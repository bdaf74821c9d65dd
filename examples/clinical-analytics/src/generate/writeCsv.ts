import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RawValue } from '../datasets/sourceTable';
import { isoDate } from '../mapping/coerceValue';
import { tempPathFor } from '../util/atomicWrite';
import { formatCsvLine } from '../util/csv';

const CHUNK_ROWS = 20_000;

/** Writes rows as CSV with a header line; dates as `YYYY-MM-DD`. Atomic: temp file, then rename. */
export function writeCsv(file: string, headers: readonly string[], rows: readonly RawValue[][]): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = tempPathFor(file);
  const fd = fs.openSync(temp, 'w');
  try {
    fs.writeSync(fd, `${formatCsvLine(headers)}\n`);
    for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
      const lines = rows.slice(start, start + CHUNK_ROWS).map((row) => formatCsvLine(row.map(csvValue)));
      fs.writeSync(fd, `${lines.join('\n')}\n`);
    }
    fs.closeSync(fd);
    fs.renameSync(temp, file);
  } catch (error) {
    fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

function csvValue(value: RawValue): string | number | boolean | null {
  return value instanceof Date ? isoDate(value.getTime()) : value;
}
