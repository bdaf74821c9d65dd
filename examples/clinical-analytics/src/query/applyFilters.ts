import type { Table } from 'apache-arrow';
import { type CellValue, type ColumnKind, columnKind, columnValues } from '../analysis/columnValues';
import { AppError } from '../errors';
import type { Filter } from './types';

type Predicate = (cell: CellValue) => boolean;

/**
 * Indexes of the rows of `table` that satisfy every filter. A null cell never matches.
 * @throws {AppError} INVALID_FILTER when an operator or value does not suit the column.
 */
export function matchingRows(table: Table, filters: readonly Filter[]): number[] {
  const checks = filters.map((f) => ({
    values: columnValues(table, f.field),
    test: predicateFor(f, columnKind(table, f.field)),
  }));
  const rows: number[] = [];
  for (let i = 0; i < table.numRows; i += 1) {
    let ok = true;
    for (const check of checks) {
      const cell = check.values[i] ?? null;
      if (cell === null || !check.test(cell)) {
        ok = false;
        break;
      }
    }
    if (ok) rows.push(i);
  }
  return rows;
}

/** Builds the test one filter applies to a non-null cell of a column of `kind`. */
export function predicateFor(filter: Filter, kind: ColumnKind): Predicate {
  const { field, op } = filter;
  const invalid = (why: string) =>
    new AppError('INVALID_FILTER', `Filter ${field} ${op} ${JSON.stringify(filter.value)}: ${why}`);
  if (op === 'in') {
    if (!Array.isArray(filter.value) || filter.value.length === 0) throw invalid('"in" needs a non-empty list');
    const wanted = new Set(filter.value.map((v) => normalise(v, kind, invalid)));
    return (cell) => wanted.has(normalise(cell, kind, invalid));
  }
  if (Array.isArray(filter.value)) throw invalid(`"${op}" needs a single value, not a list`);
  const target = normalise(filter.value, kind, invalid);
  if (op === 'eq') return (cell) => normalise(cell, kind, invalid) === target;
  if (op === 'neq') return (cell) => normalise(cell, kind, invalid) !== target;
  if (typeof target !== 'number') throw invalid(`"${op}" needs a number or date, and ${field} holds ${kind} values`);
  switch (op) {
    case 'gt':
      return (cell) => (cell as number) > target;
    case 'gte':
      return (cell) => (cell as number) >= target;
    case 'lt':
      return (cell) => (cell as number) < target;
    case 'lte':
      return (cell) => (cell as number) <= target;
  }
}

/** Brings a filter value or cell into the comparable form of the column kind. */
function normalise(value: CellValue, kind: ColumnKind, invalid: (why: string) => AppError): string | number | boolean {
  switch (kind) {
    case 'numeric': {
      const n = typeof value === 'number' ? value : Number(value);
      if (typeof value === 'boolean' || Number.isNaN(n)) throw invalid(`${JSON.stringify(value)} is not a number`);
      return n;
    }
    case 'date': {
      if (typeof value === 'number') return value;
      const ms = Date.parse(String(value));
      if (Number.isNaN(ms)) throw invalid(`${JSON.stringify(value)} is not a YYYY-MM-DD date`);
      return ms;
    }
    case 'boolean': {
      if (typeof value === 'boolean') return value;
      const word = String(value).toLowerCase();
      if (['true', 'yes', 'y'].includes(word)) return true;
      if (['false', 'no', 'n'].includes(word)) return false;
      throw invalid(`${JSON.stringify(value)} is not true/false`);
    }
    case 'text':
      return String(value).toLowerCase();
  }
}
