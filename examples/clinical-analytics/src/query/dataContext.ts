import type { Table } from 'apache-arrow';
import { type ColumnKind, columnKind, columnNames } from '../analysis/columnValues';
import { AppError } from '../errors';

/** A table the query engine can use, with the column that links its rows to a patient. */
export interface DatasetTable {
  name: string;
  table: Table;
  key: string;
}

/** Where a canonical field lives and what kind of values it holds. */
export interface FieldInfo {
  field: string;
  dataset: string;
  kind: ColumnKind;
}

/**
 * The tables a query runs against. One of them is the population (by default `patients`):
 * every count is a count of its rows; other datasets narrow it through their key column.
 */
export class DataContext {
  private readonly byName = new Map<string, DatasetTable>();
  private readonly fieldIndex = new Map<string, FieldInfo>();
  readonly populationName: string;

  /** @throws {AppError} DATASET_NOT_FOUND when the population dataset is not among `datasets`. */
  constructor(datasets: readonly DatasetTable[], options: { population?: string } = {}) {
    this.populationName = options.population ?? 'patients';
    for (const d of datasets) this.byName.set(d.name, d);
    const population = this.byName.get(this.populationName);
    if (!population) {
      throw new AppError(
        'DATASET_NOT_FOUND',
        `The population dataset "${this.populationName}" is not loaded (loaded: ${this.names().join(', ') || 'none'})`,
      );
    }
    // The population's fields win a name clash; the others are indexed in name order.
    const ordered = [population, ...[...this.byName.values()].filter((d) => d !== population).sort(byName)];
    for (const d of ordered) {
      for (const field of columnNames(d.table)) {
        if (field === d.key || this.fieldIndex.has(field)) continue;
        this.fieldIndex.set(field, { field, dataset: d.name, kind: columnKind(d.table, field) });
      }
    }
  }

  get population(): DatasetTable {
    return this.byName.get(this.populationName) as DatasetTable;
  }

  names(): string[] {
    return [...this.byName.keys()].sort();
  }

  /** @throws {AppError} DATASET_NOT_FOUND listing the loaded datasets. */
  dataset(name: string): DatasetTable {
    const found = this.byName.get(name);
    if (!found) {
      throw new AppError('DATASET_NOT_FOUND', `Dataset "${name}" is not loaded (loaded: ${this.names().join(', ')})`);
    }
    return found;
  }

  /** @throws {AppError} UNKNOWN_FIELD listing the fields that exist. */
  field(name: string): FieldInfo {
    const found = this.fieldIndex.get(name);
    if (!found) {
      throw new AppError(
        'UNKNOWN_FIELD',
        `Unknown field "${name}" (known: ${[...this.fieldIndex.keys()].sort().join(', ')})`,
      );
    }
    return found;
  }

  fields(): FieldInfo[] {
    return [...this.fieldIndex.values()];
  }
}

function byName(a: DatasetTable, b: DatasetTable): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
