import { matchingRows } from '../query/applyFilters';
import type { DataContext } from '../query/dataContext';
import type { Filter } from '../query/types';
import type { CellValue } from './columnValues';
import { columnValues } from './columnValues';

/** Filters grouped by the dataset that owns each field. */
export function filtersByDataset(context: DataContext, filters: readonly Filter[]): Map<string, Filter[]> {
  const grouped = new Map<string, Filter[]>();
  for (const filter of filters) {
    const { dataset } = context.field(filter.field);
    grouped.set(dataset, [...(grouped.get(dataset) ?? []), filter]);
  }
  return grouped;
}

/** A cohort: the population's patients that pass every filter and appear in every required dataset. */
export interface Cohort {
  ids: Set<CellValue>;
  /** Filters per dataset, for callers that need the matching rows of a dataset again. */
  filters: Map<string, Filter[]>;
}

/**
 * Patients of the population (their key values) that satisfy the population's filters and have
 * at least one row satisfying each other dataset's filters. A dataset named in `requiredDatasets`
 * without filters only requires the patient to appear in it ("statin users").
 * @throws {AppError} UNKNOWN_FIELD, DATASET_NOT_FOUND or INVALID_FILTER.
 */
export function buildCohort(
  context: DataContext,
  filters: readonly Filter[],
  requiredDatasets: readonly string[] = [],
): Cohort {
  const byDataset = filtersByDataset(context, filters);
  const population = context.population;
  const popKeys = columnValues(population.table, population.key);
  const ids = new Set<CellValue>();
  for (const i of matchingRows(population.table, byDataset.get(population.name) ?? [])) ids.add(popKeys[i] ?? null);
  ids.delete(null);

  const others = new Set([...requiredDatasets, ...byDataset.keys()]);
  others.delete(population.name);
  for (const name of [...others].sort()) {
    const dataset = context.dataset(name);
    const keys = columnValues(dataset.table, dataset.key);
    const present = new Set<CellValue>();
    for (const i of matchingRows(dataset.table, byDataset.get(name) ?? [])) present.add(keys[i] ?? null);
    for (const id of ids) if (!present.has(id)) ids.delete(id);
  }
  return { ids, filters: byDataset };
}

/** Number of patients in the cohort (see {@link buildCohort}). */
export function cohortCount(
  context: DataContext,
  filters: readonly Filter[],
  requiredDatasets: readonly string[] = [],
): number {
  return buildCohort(context, filters, requiredDatasets).ids.size;
}

/** Rows of `dataset` that pass its own filters and belong to a cohort patient. */
export function cohortRows(context: DataContext, cohort: Cohort, dataset: string): number[] {
  const d = context.dataset(dataset);
  const keys = columnValues(d.table, d.key);
  return matchingRows(d.table, cohort.filters.get(dataset) ?? []).filter((i) => cohort.ids.has(keys[i] ?? null));
}
