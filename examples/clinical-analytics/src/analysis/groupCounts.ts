import type { Table } from 'apache-arrow';
import { type CellValue, columnValues } from './columnValues';

/** Number of rows (or distinct keys) per value of a column. */
export interface GroupCount {
  value: CellValue;
  count: number;
}

/**
 * Counts rows per value of `column`, largest group first (ties by value). Nulls form their own
 * group. With `distinctBy`, counts distinct values of that column per group instead of rows
 * (e.g. patients per drug, not prescriptions per drug). `rows` restricts the count to those rows.
 */
export function groupCounts(
  table: Table,
  column: string,
  options: { rows?: Iterable<number>; distinctBy?: string } = {},
): GroupCount[] {
  const values = columnValues(table, column);
  const keys = options.distinctBy ? columnValues(table, options.distinctBy) : null;
  const groups = new Map<CellValue, Set<CellValue> | number>();
  const visit = (i: number) => {
    const value = values[i] ?? null;
    if (keys) {
      let set = groups.get(value) as Set<CellValue> | undefined;
      if (!set) {
        set = new Set();
        groups.set(value, set);
      }
      set.add(keys[i] ?? null);
    } else {
      groups.set(value, ((groups.get(value) as number | undefined) ?? 0) + 1);
    }
  };
  if (options.rows) for (const i of options.rows) visit(i);
  else for (let i = 0; i < values.length; i += 1) visit(i);
  return [...groups]
    .map(([value, g]) => ({ value, count: typeof g === 'number' ? g : g.size }))
    .sort((a, b) => b.count - a.count || compareValues(a.value, b.value));
}

function compareValues(a: CellValue, b: CellValue): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return String(a) < String(b) ? -1 : 1;
}
