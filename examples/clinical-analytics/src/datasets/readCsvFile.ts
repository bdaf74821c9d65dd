import * as fs from 'node:fs';
import { AppError } from '../errors';
import { parseCsv } from '../util/csv';
import type { RawValue, SourceTable } from './sourceTable';

/**
 * Reads a CSV file with a header row. Empty fields become `null`.
 * @throws {AppError} DATASET_FILE_MISSING / DATASET_FILE_INVALID naming the file.
 */
export function readCsvFile(file: string): SourceTable {
  if (!fs.existsSync(file)) {
    throw new AppError('DATASET_FILE_MISSING', `Data file ${file} does not exist`, {
      fix: 'run `pnpm --filter clinical-analytics generate-data`',
    });
  }
  let rows: string[][];
  try {
    rows = parseCsv(fs.readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new AppError('DATASET_FILE_INVALID', `Cannot parse ${file}: ${(cause as Error).message}`, { cause });
  }
  const [header, ...body] = rows;
  if (!header || header.length === 0 || header.every((h) => h.trim() === '')) {
    throw new AppError('DATASET_FILE_INVALID', `${file} has no header row`);
  }
  const width = header.length;
  const values: RawValue[][] = body.map((fields, i) => {
    if (fields.length !== width) {
      throw new AppError(
        'DATASET_FILE_INVALID',
        `${file} line ${i + 2} has ${fields.length} fields, the header has ${width}`,
      );
    }
    return fields.map((f) => (f === '' ? null : f));
  });
  return { origin: file, headers: header.map((h) => h.trim()), rows: values };
}
