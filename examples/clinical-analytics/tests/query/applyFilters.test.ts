import { Bool, DateDay, Float64, Table, Utf8, vectorFromArray } from 'apache-arrow';
import { matchingRows } from '../../src/query/applyFilters';
import { DataContext } from '../../src/query/dataContext';

const table = new Table({
  id: vectorFromArray(['P1', 'P2', 'P3', 'P4'], new Utf8()),
  age: vectorFromArray([30, 66, 70, null]),
  bmi: vectorFromArray([22.5, 31, null, 28], new Float64()),
  sex: vectorFromArray(['F', 'M', 'F', 'F'], new Utf8()),
  smoker: vectorFromArray([true, false, false, null], new Bool()),
  seen: vectorFromArray([Date.UTC(2020, 0, 1), Date.UTC(2022, 5, 1), Date.UTC(2024, 0, 1), null], new DateDay()),
});

describe('matchingRows', () => {
  it('returns every row without filters', () => {
    expect(matchingRows(table, [])).toEqual([0, 1, 2, 3]);
  });

  it.each([
    ['gt', 66, [2]],
    ['gte', 66, [1, 2]],
    ['lt', 66, [0]],
    ['lte', 66, [0, 1]],
    ['eq', 70, [2]],
    ['neq', 70, [0, 1]],
  ] as const)('compares numbers with %s %p', (op, value, rows) => {
    expect(matchingRows(table, [{ field: 'age', op, value }])).toEqual(rows);
  });

  it('never matches a null cell', () => {
    expect(matchingRows(table, [{ field: 'bmi', op: 'neq', value: 0 }])).toEqual([0, 1, 3]);
  });

  it('compares text case-insensitively', () => {
    expect(matchingRows(table, [{ field: 'sex', op: 'eq', value: 'f' }])).toEqual([0, 2, 3]);
  });

  it('matches any value of an "in" list', () => {
    expect(matchingRows(table, [{ field: 'id', op: 'in', value: ['P2', 'P4'] }])).toEqual([1, 3]);
  });

  it('accepts yes/no words for booleans', () => {
    expect(matchingRows(table, [{ field: 'smoker', op: 'eq', value: 'yes' }])).toEqual([0]);
  });

  it('compares dates given as ISO strings', () => {
    expect(matchingRows(table, [{ field: 'seen', op: 'gte', value: '2022-01-01' }])).toEqual([1, 2]);
  });

  it('combines filters with AND', () => {
    expect(
      matchingRows(table, [
        { field: 'sex', op: 'eq', value: 'F' },
        { field: 'age', op: 'gt', value: 40 },
      ]),
    ).toEqual([2]);
  });

  it('rejects an ordering on a text column', () => {
    expect(() => matchingRows(table, [{ field: 'sex', op: 'gt', value: 'F' }])).toThrow(
      '"gt" needs a number or date, and sex holds text values',
    );
  });

  it('rejects a list for a single-value operator', () => {
    expect(() => matchingRows(table, [{ field: 'age', op: 'eq', value: [1, 2] }])).toThrow(
      '"eq" needs a single value, not a list',
    );
  });

  it('rejects an empty "in" list', () => {
    expect(() => matchingRows(table, [{ field: 'sex', op: 'in', value: [] }])).toThrow('"in" needs a non-empty list');
  });
});

describe('DataContext', () => {
  const scans = new Table({
    id: vectorFromArray(['P1'], new Utf8()),
    t_score: vectorFromArray([-2], new Float64()),
    sex: vectorFromArray(['F'], new Utf8()),
  });

  it('indexes fields by the dataset that holds them, skipping the key', () => {
    const context = new DataContext([
      { name: 'patients', table, key: 'id' },
      { name: 'dexa', table: scans, key: 'id' },
    ]);
    expect(context.field('t_score')).toEqual({ field: 't_score', dataset: 'dexa', kind: 'numeric' });
    expect(() => context.field('id')).toThrow('Unknown field "id"');
  });

  it('lets the population win a field-name clash', () => {
    const context = new DataContext([
      { name: 'dexa', table: scans, key: 'id' },
      { name: 'patients', table, key: 'id' },
    ]);
    expect(context.field('sex').dataset).toBe('patients');
  });

  it('requires the population dataset', () => {
    expect(() => new DataContext([{ name: 'dexa', table: scans, key: 'id' }])).toThrow(
      'The population dataset "patients" is not loaded (loaded: dexa)',
    );
  });
});
