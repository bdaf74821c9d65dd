import { beforeAllShared } from '@jest-perf/datasets';
import { Table, Utf8, vectorFromArray } from 'apache-arrow';
import { groupCounts } from '../../src/analysis/groupCounts';
import { REGIONS } from '../../src/generate/patientAttributes';
import { matchingRows } from '../../src/query/applyFilters';
import { LARGE_TABLE_ROWS } from '../fixtures/largeTables';
import { sharedLargePatientTable } from '../fixtures/scope';

describe('groupCounts on the large patients table', () => {
  let table: Table;

  // Immutable and identical for every test: built once per worker (tests/fixtures/scope.ts).
  beforeAllShared(async () => {
    table = await sharedLargePatientTable();
  });

  it('counts every row exactly once', () => {
    const total = groupCounts(table, 'region').reduce((s, g) => s + g.count, 0);
    expect(total).toBe(LARGE_TABLE_ROWS);
  });

  it('finds the five regions', () => {
    expect(
      groupCounts(table, 'region')
        .map((g) => g.value)
        .sort(),
    ).toEqual([...REGIONS].sort());
  });

  it('puts the largest group first', () => {
    const counts = groupCounts(table, 'region').map((g) => g.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('weights Central highest, as the generator does', () => {
    expect(groupCounts(table, 'region')[0]?.value).toBe('Central');
  });

  it('keeps null BMI values as their own group', () => {
    expect(groupCounts(table, 'bmi').some((g) => g.value === null)).toBe(true);
  });

  it('counts only the given rows', () => {
    const smokers = matchingRows(table, [{ field: 'smoker', op: 'eq', value: true }]);
    expect(groupCounts(table, 'smoker', { rows: smokers })).toEqual([{ value: true, count: smokers.length }]);
  });

  it('has slightly more women than men', () => {
    const [first, second] = groupCounts(table, 'sex');
    expect(first?.value).toBe('F');
    expect((first?.count ?? 0) / LARGE_TABLE_ROWS).toBeCloseTo(0.52, 1);
    expect(second?.value).toBe('M');
  });
});

describe('groupCounts with distinct keys', () => {
  const table = new Table({
    patient: vectorFromArray(['P1', 'P1', 'P2', 'P3'], new Utf8()),
    drug: vectorFromArray(['a', 'a', 'a', 'b'], new Utf8()),
  });

  it('counts rows by default', () => {
    expect(groupCounts(table, 'drug')).toEqual([
      { value: 'a', count: 3 },
      { value: 'b', count: 1 },
    ]);
  });

  it('counts distinct keys with distinctBy', () => {
    expect(groupCounts(table, 'drug', { distinctBy: 'patient' })).toEqual([
      { value: 'a', count: 2 },
      { value: 'b', count: 1 },
    ]);
  });

  it('breaks ties by value', () => {
    expect(groupCounts(table, 'patient').map((g) => g.value)).toEqual(['P1', 'P2', 'P3']);
  });
});
