import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkDatasetConfig, type DatasetConfig } from '../../src/datasets/datasetConfig';
import { discoverDatasets, findDataset, readDatasetConfig } from '../../src/datasets/discoverDatasets';
import { datasets } from '../fixtures/datasets';

const valid: DatasetConfig = {
  name: 'example',
  title: 'Example',
  description: '',
  format: 'csv',
  files: [{ path: 'data/example.csv' }],
  mapping: { workbook: 'data/column-mappings.xlsx', sheet: 'example' },
  key: 'patient_id',
  generator: { kind: 'patients', rows: 10, seed: 1 },
};

function writeConfig(dir: string, name: string, value: unknown): string {
  const file = path.join(dir, `${name}.json`);
  fs.writeFileSync(file, JSON.stringify(value));
  return file;
}

describe('dataset configs', () => {
  let dir: string;
  // Only the configs are needed here: the registry reads them without loading any dataset.
  const committed = () => datasets.names().map((name) => datasets.config(name));

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dataset-config-'));
  });

  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('finds the five committed datasets', () => {
    expect([...datasets.names()].sort()).toEqual(['dexa', 'labs', 'patients', 'statin', 'visits']);
  });

  it('validates every committed config against the schema', () => {
    for (const config of committed()) expect(checkDatasetConfig(config)).toMatchObject({ ok: true });
  });

  it('points every dataset at a generated data file', () => {
    for (const config of committed()) {
      for (const file of config.files) expect(fs.existsSync(path.resolve(datasets.dir, file.path))).toBe(true);
    }
  });

  it('keeps at least one dataset of 200k rows or more', () => {
    expect(Math.max(...committed().map((config) => config.generator.rows))).toBeGreaterThanOrEqual(200_000);
  });

  it('accepts a minimal valid config', () => {
    expect(checkDatasetConfig(valid)).toEqual({ ok: true, config: valid });
  });

  it('names the field of each schema error', () => {
    const check = checkDatasetConfig({ ...valid, format: 'parquet', key: 'Patient ID' });
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.errors.join('\n')).toContain('/format');
      expect(check.errors.join('\n')).toContain('/key');
    }
  });

  it('rejects a file whose extension does not match the format', () => {
    const check = checkDatasetConfig({ ...valid, files: [{ path: 'data/x.xlsx' }] });
    expect(check).toEqual({ ok: false, errors: ['/files/0/path does not match format "csv"'] });
  });

  it('rejects a sheet on a CSV file', () => {
    const check = checkDatasetConfig({ ...valid, files: [{ path: 'data/x.csv', sheet: 'A' }] });
    expect(check).toEqual({ ok: false, errors: ['/files/0 sheet and headerRow apply to Excel files only'] });
  });

  it('reports the file when a config is not JSON', () => {
    const file = path.join(dir, 'broken.json');
    fs.writeFileSync(file, '{ nope');
    expect(() => readDatasetConfig(file)).toThrow(`Cannot read dataset config ${file}`);
  });

  it('requires the config name to match the file name', () => {
    const file = writeConfig(dir, 'other', valid);
    expect(() => readDatasetConfig(file)).toThrow('has name "example" but its file is named "other.json"');
  });

  it('lists the known datasets when one is missing', () => {
    writeConfig(dir, 'alpha', { ...valid, name: 'alpha' });
    expect(() => findDataset('beta', dir)).toThrow('No dataset named "beta"');
    expect(() => findDataset('beta', dir)).toThrow('(known: alpha)');
  });

  it('fails clearly when the datasets folder is missing', () => {
    expect(() => discoverDatasets(path.join(dir, 'nope'))).toThrow('does not exist');
  });
});
