import { Bool, type DataType, DateDay, Dictionary, Float64, Int32, Table, Utf8, vectorFromArray } from 'apache-arrow';
import type { SourceTable } from '../datasets/sourceTable';
import { AppError } from '../errors';
import { coerceValue, type TypedValue } from './coerceValue';
import type { ColumnMapping, ColumnType } from './columnMapping';

/** The Arrow type each canonical column type is stored as. */
export function arrowTypeFor(type: ColumnType): DataType {
  switch (type) {
    case 'string':
      return new Utf8();
    case 'category':
      return new Dictionary(new Utf8(), new Int32());
    case 'integer':
      return new Int32();
    case 'number':
      return new Float64();
    case 'boolean':
      return new Bool();
    case 'date':
      return new DateDay();
  }
}

/**
 * Maps source rows to canonical, typed columns and builds one Arrow table. Several sources
 * (files or sheets of one dataset) are concatenated in order. Unmapped source columns are dropped.
 * @throws {AppError} COLUMN_NOT_FOUND when a mapped column is absent from a source;
 *   VALUE_COERCION_FAILED naming the source, row and column of the first bad value.
 */
export function buildTable(sources: readonly SourceTable[], mappings: readonly ColumnMapping[]): Table {
  const columns = mappings.map(() => [] as TypedValue[]);
  for (const source of sources) {
    const positions = mappings.map((m) => {
      const at = source.headers.indexOf(m.source);
      if (at < 0) {
        throw new AppError(
          'COLUMN_NOT_FOUND',
          `${source.origin} has no column "${m.source}" (mapped to ${m.canonical}); columns: ${source.headers.join(', ')}`,
          { fix: 'fix the mapping sheet or regenerate the data' },
        );
      }
      return at;
    });
    mappings.forEach((mapping, c) => {
      const out = columns[c] as TypedValue[];
      const at = positions[c] as number;
      source.rows.forEach((row, r) => {
        const result = coerceValue(row[at] ?? null, mapping.type);
        if (!result.ok) {
          throw new AppError(
            'VALUE_COERCION_FAILED',
            `${source.origin} data row ${r + 1}, column "${mapping.source}": ${result.reason} (expected ${mapping.type})`,
          );
        }
        if (result.value === null && mapping.required) {
          throw new AppError(
            'VALUE_COERCION_FAILED',
            `${source.origin} data row ${r + 1}, column "${mapping.source}" is empty but the mapping marks it required`,
          );
        }
        out.push(result.value);
      });
    });
  }
  const vectors = Object.fromEntries(
    mappings.map((m, c) => [m.canonical, vectorFromArray(columns[c] as TypedValue[], arrowTypeFor(m.type))]),
  );
  return new Table(vectors);
}
