/** @tags integration */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describeWithDataset } from '@jest-perf/datasets';
import { DataType } from 'apache-arrow';
import { columnValues } from '../../src/analysis/columnValues';
import { findDataset } from '../../src/datasets/discoverDatasets';
import { loadDataset } from '../../src/datasets/loadDataset';
import { datasets, type SharedDataset, sharedDatasets } from '../fixtures/datasets';

// Skipped, with the reason, when a data file is missing; the tests read every dataset.
describeWithDataset(datasets, datasets.names(), 'loadDataset', () => {
  let loaded: ReadonlyMap<string, SharedDataset>;

  // Read-only here: loaded once per worker and shared with the other files that read them.
  beforeAll(async () => {
    loaded = await sharedDatasets();
  });

  const get = (name: string) => loaded.get(name) as SharedDataset;

  it('loads one row per configured generator row', () => {
    for (const d of loaded.values()) expect(d.table.numRows).toBe(d.dataset.config.generator.rows);
  });

  it('loads the 200k-row patients table with canonical column names', () => {
    expect(get('patients').table.schema.fields.map((f) => f.name)).toEqual([
      'patient_id',
      'sex',
      'age',
      'region',
      'bmi',
      'smoker',
      'registered_on',
    ]);
  });

  it('gives each column the Arrow type of its mapping', () => {
    const fields = Object.fromEntries(get('patients').table.schema.fields.map((f) => [f.name, f.type]));
    expect(DataType.isInt(fields.age)).toBe(true);
    expect(DataType.isFloat(fields.bmi)).toBe(true);
    expect(DataType.isBool(fields.smoker)).toBe(true);
    expect(DataType.isDate(fields.registered_on)).toBe(true);
    expect(DataType.isDictionary(fields.sex)).toBe(true);
  });

  it('keeps missing BMI values as nulls', () => {
    const bmi = columnValues(get('patients').table, 'bmi');
    const nulls = bmi.filter((v) => v === null).length;
    expect(nulls).toBeGreaterThan(0);
    expect(nulls / bmi.length).toBeLessThan(0.05);
  });

  it('reads DEXA scan dates from Excel date cells', () => {
    const dates = columnValues(get('dexa').table, 'scan_date') as number[];
    expect(dates.every((d) => typeof d === 'number' && d >= Date.UTC(2016, 0, 1) && d <= Date.UTC(2024, 11, 31))).toBe(
      true,
    );
  });

  it('concatenates the yearly sheets of the complex workbook and drops unmapped columns', () => {
    const visits = get('visits');
    expect(visits.table.schema.fields.map((f) => f.name)).not.toContain('hours');
    const years = new Set(
      (columnValues(visits.table, 'visit_date') as number[]).map((d) => new Date(d).getUTCFullYear()),
    );
    expect([...years].sort()).toEqual([2023, 2024]);
  });

  it('links every statin prescription to a known patient', () => {
    const ids = new Set(columnValues(get('patients').table, 'patient_id'));
    expect(columnValues(get('statin').table, 'patient_id').every((id) => ids.has(id))).toBe(true);
  });

  it('loads the same data twice (deterministic files) @slow', async () => {
    const again = await loadDataset(findDataset('labs'));
    expect(columnValues(again.table, 'result_value')).toEqual(columnValues(get('labs').table, 'result_value'));
  });

  it('reports the load time', () => {
    for (const d of loaded.values()) expect(d.loadMs).toBeGreaterThan(0);
  });

  it('tells the user to generate data when a file is missing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'load-missing-'));
    try {
      const dataset = { ...findDataset('statin'), baseDir: dir };
      fs.mkdirSync(path.join(dir, 'data'));
      fs.copyFileSync(
        path.resolve(findDataset('statin').baseDir, 'data/column-mappings.xlsx'),
        path.join(dir, 'data/column-mappings.xlsx'),
      );
      await expect(loadDataset(dataset)).rejects.toThrow('generate-data');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
