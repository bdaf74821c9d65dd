import { DataType, type Table } from 'apache-arrow';
import { AppError } from '../errors';

/** A cell of a loaded table: dates are epoch milliseconds. */
export type CellValue = string | number | boolean | null;

/** Broad kind of a column, which decides how it is compared and summarised. */
export type ColumnKind = 'numeric' | 'text' | 'boolean' | 'date';

/**
 * The values of column `name`, with nulls kept (Arrow's `toArray()` turns nulls into 0).
 * @throws {AppError} COLUMN_NOT_FOUND listing the columns the table has.
 */
export function columnValues(table: Table, name: string): CellValue[] {
  const vector = table.getChild(name);
  if (!vector) {
    throw new AppError('COLUMN_NOT_FOUND', `No column "${name}" (columns: ${columnNames(table).join(', ')})`);
  }
  const dense = vector.toArray() as ArrayLike<CellValue>;
  const out: CellValue[] = new Array(dense.length);
  if (vector.nullCount === 0) {
    for (let i = 0; i < dense.length; i += 1) out[i] = dense[i] as CellValue;
  } else {
    for (let i = 0; i < dense.length; i += 1) out[i] = vector.isValid(i) ? (dense[i] as CellValue) : null;
  }
  return out;
}

/** Column names of a table, in order. */
export function columnNames(table: Table): string[] {
  return table.schema.fields.map((f) => f.name);
}

/**
 * How column `name` should be treated.
 * @throws {AppError} COLUMN_NOT_FOUND when the table has no such column.
 */
export function columnKind(table: Table, name: string): ColumnKind {
  const field = table.schema.fields.find((f) => f.name === name);
  if (!field) {
    throw new AppError('COLUMN_NOT_FOUND', `No column "${name}" (columns: ${columnNames(table).join(', ')})`);
  }
  if (DataType.isInt(field.type) || DataType.isFloat(field.type)) return 'numeric';
  if (DataType.isBool(field.type)) return 'boolean';
  if (DataType.isDate(field.type)) return 'date';
  return 'text';
}
