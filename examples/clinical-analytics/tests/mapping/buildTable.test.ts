import { beforeAllShared } from '@jest-perf/datasets';
import type { Table } from 'apache-arrow';
import { columnValues } from '../../src/analysis/columnValues';
import { buildTable } from '../../src/mapping/buildTable';
import type { ColumnMapping } from '../../src/mapping/columnMapping';
import { LARGE_TABLE_ROWS } from '../fixtures/largeTables';
import { sharedLargePatientTable } from '../fixtures/scope';

const mapping = (source: string, canonical: string, type: ColumnMapping['type'], required = false): ColumnMapping => ({
  source,
  canonical,
  type,
  required,
  description: '',
});

describe('buildTable on a large generated table', () => {
  let table: Table;

  // Immutable and identical for every test: built once per worker (tests/fixtures/scope.ts).
  beforeAllShared(async () => {
    table = await sharedLargePatientTable();
  });

  it('keeps every row', () => {
    expect(table.numRows).toBe(LARGE_TABLE_ROWS);
  });

  it('renames source columns to canonical names in mapping order', () => {
    expect(table.schema.fields.map((f) => f.name)).toEqual([
      'patient_id',
      'sex',
      'age',
      'region',
      'bmi',
      'smoker',
      'registered_on',
    ]);
  });

  it('stores Y/N smokers as booleans', () => {
    expect(new Set(columnValues(table, 'smoker'))).toEqual(new Set([true, false]));
  });

  it('stores ages as integers within the generated range', () => {
    const ages = columnValues(table, 'age') as number[];
    expect(ages.every((a) => Number.isInteger(a) && a >= 18 && a <= 95)).toBe(true);
  });

  it('gives unique patient ids', () => {
    expect(new Set(columnValues(table, 'patient_id')).size).toBe(LARGE_TABLE_ROWS);
  });
});

describe('buildTable errors', () => {
  const source = {
    origin: 'x.csv',
    headers: ['ID', 'Age'],
    rows: [
      ['P1', '40'],
      ['P2', 'old'],
    ],
  };

  it('names the source, row and column of a bad value', () => {
    expect(() => buildTable([source], [mapping('ID', 'id', 'string'), mapping('Age', 'age', 'integer')])).toThrow(
      'x.csv data row 2, column "Age": "old" is not an integer (expected integer)',
    );
  });

  it('lists the columns when a mapped column is absent', () => {
    expect(() => buildTable([source], [mapping('Sex', 'sex', 'category')])).toThrow(
      'x.csv has no column "Sex" (mapped to sex); columns: ID, Age',
    );
  });

  it('rejects an empty required value', () => {
    const withGap = { origin: 'y.csv', headers: ['ID'], rows: [['P1'], [null]] };
    expect(() => buildTable([withGap], [mapping('ID', 'id', 'string', true)])).toThrow(
      'is empty but the mapping marks it required',
    );
  });

  it('concatenates several sources in order', () => {
    const a = { origin: 'a', headers: ['ID'], rows: [['P1']] };
    const b = { origin: 'b', headers: ['ID', 'Extra'], rows: [['P2', 'x']] };
    expect(columnValues(buildTable([a, b], [mapping('ID', 'id', 'string')]), 'id')).toEqual(['P1', 'P2']);
  });
});
