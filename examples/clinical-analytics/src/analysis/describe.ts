import type { Table } from 'apache-arrow';
import { isoDate } from '../mapping/coerceValue';
import { type CellValue, columnKind, columnValues } from './columnValues';

/** Summary of a numeric column. */
export interface NumericSummary {
  kind: 'numeric';
  column: string;
  count: number;
  nulls: number;
  mean: number | null;
  std: number | null;
  min: number | null;
  p25: number | null;
  median: number | null;
  p75: number | null;
  max: number | null;
}

/** Summary of a text, boolean or date column. */
export interface CategoricalSummary {
  kind: 'categorical';
  column: string;
  count: number;
  nulls: number;
  unique: number;
  top: string | null;
  topCount: number;
}

export type ColumnSummary = NumericSummary | CategoricalSummary;

/**
 * Summarises one column, like pandas' `describe()`: count, mean, std (sample), quartiles for
 * numbers; count, distinct values and the most frequent one for everything else.
 * `rows` restricts the summary to those row indexes.
 */
export function describeColumn(table: Table, column: string, rows?: Iterable<number>): ColumnSummary {
  const all = columnValues(table, column);
  const values = rows ? Array.from(rows, (i) => all[i] ?? null) : all;
  const kind = columnKind(table, column);
  if (kind === 'numeric') return describeNumbers(column, values);
  // Dates are epoch milliseconds in memory; summarise them as the dates people read.
  const shown = kind === 'date' ? values.map((v) => (typeof v === 'number' ? isoDate(v) : v)) : values;
  return describeCategories(column, shown);
}

/** Summaries of every column of a table. */
export function describeTable(table: Table): ColumnSummary[] {
  return table.schema.fields.map((f) => describeColumn(table, f.name));
}

/** {@link NumericSummary} of a list of values; non-numbers count as nulls. */
export function describeNumbers(column: string, values: readonly CellValue[]): NumericSummary {
  const numbers = values.filter((v): v is number => typeof v === 'number' && !Number.isNaN(v));
  const nulls = values.length - numbers.length;
  if (numbers.length === 0) {
    return {
      kind: 'numeric',
      column,
      count: 0,
      nulls,
      mean: null,
      std: null,
      min: null,
      p25: null,
      median: null,
      p75: null,
      max: null,
    };
  }
  const sorted = Float64Array.from(numbers).sort();
  const mean = numbers.reduce((s, v) => s + v, 0) / numbers.length;
  const variance = numbers.length > 1 ? numbers.reduce((s, v) => s + (v - mean) ** 2, 0) / (numbers.length - 1) : null;
  return {
    kind: 'numeric',
    column,
    count: numbers.length,
    nulls,
    mean,
    std: variance === null ? null : Math.sqrt(variance),
    min: sorted[0] as number,
    p25: quantile(sorted, 0.25),
    median: quantile(sorted, 0.5),
    p75: quantile(sorted, 0.75),
    max: sorted[sorted.length - 1] as number,
  };
}

/** Linear-interpolated quantile of sorted values (numpy's default method). */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) throw new RangeError('quantile() of no values');
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (pos - lo);
}

function describeCategories(column: string, values: readonly CellValue[]): CategoricalSummary {
  const counts = new Map<string, number>();
  let nulls = 0;
  for (const v of values) {
    if (v === null) {
      nulls += 1;
      continue;
    }
    const key = String(v);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let top: string | null = null;
  let topCount = 0;
  for (const [value, count] of counts) {
    if (count > topCount || (count === topCount && top !== null && value < top)) {
      top = value;
      topCount = count;
    }
  }
  return { kind: 'categorical', column, count: values.length - nulls, nulls, unique: counts.size, top, topCount };
}
