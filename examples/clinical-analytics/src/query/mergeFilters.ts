import type { Filter } from './types';

type Slot = 'value' | 'lower' | 'upper';

function slotOf(filter: Filter): Slot {
  if (filter.op === 'gt' || filter.op === 'gte') return 'lower';
  if (filter.op === 'lt' || filter.op === 'lte') return 'upper';
  return 'value';
}

/**
 * Merges the filters of a refinement ("now only women", "over 70 instead") into the previous
 * ones. A new filter replaces previous filters on the same field that it contradicts:
 * an equality replaces everything on its field; a lower bound replaces the previous lower
 * bound and any equality; likewise an upper bound. `removeFields` drops a field entirely
 * ("regardless of sex"). Order is kept: surviving previous filters first, then the new ones.
 */
export function mergeFilters(
  previous: readonly Filter[],
  next: readonly Filter[],
  removeFields: readonly string[] = [],
): Filter[] {
  const removed = new Set(removeFields);
  const replaced = (old: Filter) =>
    next.some((f) => {
      if (f.field !== old.field) return false;
      const slot = slotOf(f);
      return slot === 'value' || slotOf(old) === 'value' || slotOf(old) === slot;
    });
  const kept = previous.filter((f) => !removed.has(f.field) && !replaced(f));
  const merged = [...kept];
  for (const f of next) {
    if (removed.has(f.field)) continue;
    if (!merged.some((m) => sameFilter(m, f))) merged.push(f);
  }
  return merged;
}

function sameFilter(a: Filter, b: Filter): boolean {
  return a.field === b.field && a.op === b.op && JSON.stringify(a.value) === JSON.stringify(b.value);
}
