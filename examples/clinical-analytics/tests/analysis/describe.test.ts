import { beforeAllShared } from '@jest-perf/datasets';
import { Table, vectorFromArray } from 'apache-arrow';
import { columnValues } from '../../src/analysis/columnValues';
import { describeColumn, describeNumbers, describeTable, quantile } from '../../src/analysis/describe';
import { matchingRows } from '../../src/query/applyFilters';
import { workRepeats } from '../fixtures/benchSlowdown';
import { LARGE_TABLE_ROWS } from '../fixtures/largeTables';
import { sharedLargePatientTable } from '../fixtures/scope';

describe('describe on the large patients table', () => {
  let table: Table;

  // Immutable and identical for every test: built once per worker (tests/fixtures/scope.ts).
  beforeAllShared(async () => {
    table = await sharedLargePatientTable();
  });

  it('summarises ages with count, mean and quartiles', () => {
    const summary = describeColumn(table, 'age');
    expect(summary).toMatchObject({ kind: 'numeric', count: LARGE_TABLE_ROWS, nulls: 0, min: 18, max: 95 });
    if (summary.kind === 'numeric') {
      expect(summary.mean).toBeGreaterThan(48);
      expect(summary.mean).toBeLessThan(56);
      expect(summary.p25! <= summary.median! && summary.median! <= summary.p75!).toBe(true);
    }
  });

  it('counts missing BMI values as nulls', () => {
    const summary = describeColumn(table, 'bmi');
    expect(summary.nulls).toBeGreaterThan(0);
    expect(summary.count + summary.nulls).toBe(LARGE_TABLE_ROWS);
  });

  it('summarises sex as a category with its most frequent value', () => {
    expect(describeColumn(table, 'sex')).toMatchObject({ kind: 'categorical', unique: 2, top: 'F' });
  });

  it('shows dates as ISO dates, not epoch numbers', () => {
    const summary = describeColumn(table, 'registered_on');
    expect(summary.kind === 'categorical' && /^\d{4}-\d{2}-\d{2}$/.test(summary.top ?? '')).toBe(true);
  });

  it('restricts the summary to the given rows', () => {
    const women = matchingRows(table, [{ field: 'sex', op: 'eq', value: 'F' }]);
    expect(describeColumn(table, 'sex', women)).toMatchObject({ unique: 1, top: 'F', topCount: women.length });
  });

  it('describes every column of the table', () => {
    let summaries = describeTable(table);
    for (let i = 1; i < workRepeats('describes every column of the table'); i += 1) summaries = describeTable(table);
    expect(summaries.map((s) => s.column)).toEqual(table.schema.fields.map((f) => f.name));
  });

  it('agrees with a direct computation of the mean', () => {
    const ages = columnValues(table, 'age') as number[];
    const mean = ages.reduce((s, v) => s + v, 0) / ages.length;
    const summary = describeColumn(table, 'age');
    expect(summary.kind === 'numeric' && summary.mean).toBeCloseTo(mean, 6);
  });
});

describe('describeNumbers', () => {
  it('computes the sample standard deviation', () => {
    expect(describeNumbers('x', [2, 4, 4, 4, 5, 5, 7, 9]).std).toBeCloseTo(2.138, 3);
  });

  it('has no spread for one value', () => {
    expect(describeNumbers('x', [5])).toMatchObject({ count: 1, mean: 5, std: null, median: 5 });
  });

  it('returns nulls for no values', () => {
    expect(describeNumbers('x', [null, null])).toMatchObject({ count: 0, nulls: 2, mean: null, min: null });
  });

  it('interpolates quantiles like numpy', () => {
    expect(quantile([1, 2, 3, 4], 0.25)).toBeCloseTo(1.75);
    expect(quantile([1, 2, 3, 4], 0.5)).toBeCloseTo(2.5);
  });

  it('describes a small Arrow table', () => {
    const small = new Table({ x: vectorFromArray([1, 2, 3]) });
    expect(describeColumn(small, 'x')).toMatchObject({ count: 3, mean: 2, median: 2 });
  });
});
