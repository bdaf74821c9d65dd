/** @tags integration */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { DatasetConfig } from '../../src/datasets/datasetConfig';
import { discoverDatasets } from '../../src/datasets/discoverDatasets';
import { loadDataset } from '../../src/datasets/loadDataset';
import { ensureData } from '../../src/generate/ensureData';
import { DATASETS_DIR } from '../../src/paths';

/** Copies the committed configs into a temp folder, scaled down so generation is quick. */
function scaledCopy(rowsDivisor: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ensure-data-'));
  for (const file of fs.readdirSync(DATASETS_DIR).filter((f) => f.endsWith('.json'))) {
    const config = JSON.parse(fs.readFileSync(path.join(DATASETS_DIR, file), 'utf8')) as DatasetConfig;
    config.generator.rows = Math.max(50, Math.round(config.generator.rows / rowsDivisor));
    fs.writeFileSync(path.join(dir, file), JSON.stringify(config));
  }
  return dir;
}

describe('ensureData', () => {
  let dir: string;

  beforeEach(() => {
    dir = scaledCopy(20);
  });

  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('generates every dataset and the mapping workbook', async () => {
    const report = await ensureData({ datasetsDir: dir });
    expect(report.generated.sort()).toEqual([
      'dexa',
      'labs',
      'mapping column-mappings.xlsx',
      'patients',
      'statin',
      'visits',
    ]);
    expect(
      fs
        .readdirSync(path.join(dir, 'data'))
        .filter((f) => !f.startsWith('.'))
        .sort(),
    ).toEqual([
      'clinic_visits.xlsx',
      'column-mappings.xlsx',
      'dexa_scans.xlsx',
      'lab_results.csv',
      'patients.csv',
      'statin_prescriptions.csv',
    ]);
  });

  it('skips files already generated with the same seed', async () => {
    await ensureData({ datasetsDir: dir });
    const again = await ensureData({ datasetsDir: dir });
    expect(again.generated).toEqual([]);
    expect(again.upToDate).toHaveLength(6);
  });

  it('regenerates a dataset whose seed changed', async () => {
    await ensureData({ datasetsDir: dir });
    const file = path.join(dir, 'statin.json');
    const config = JSON.parse(fs.readFileSync(file, 'utf8')) as DatasetConfig;
    config.generator.seed += 1;
    fs.writeFileSync(file, JSON.stringify(config));
    expect((await ensureData({ datasetsDir: dir })).generated).toEqual(['statin']);
  });

  it('regenerates a deleted file', async () => {
    await ensureData({ datasetsDir: dir });
    fs.rmSync(path.join(dir, 'data', 'dexa_scans.xlsx'));
    expect((await ensureData({ datasetsDir: dir })).generated).toEqual(['dexa']);
  });

  it('writes identical CSV files from the same seed', async () => {
    await ensureData({ datasetsDir: dir });
    const first = fs.readFileSync(path.join(dir, 'data', 'patients.csv'), 'utf8');
    await ensureData({ datasetsDir: dir, force: true });
    expect(fs.readFileSync(path.join(dir, 'data', 'patients.csv'), 'utf8')).toBe(first);
  });

  it('produces data that loads through the mappings @slow', async () => {
    await ensureData({ datasetsDir: dir });
    for (const dataset of discoverDatasets(dir)) {
      const loaded = await loadDataset(dataset);
      expect(loaded.table.numRows).toBe(dataset.config.generator.rows);
    }
  });

  it('requires exactly one patients dataset', async () => {
    fs.rmSync(path.join(dir, 'patients.json'));
    await expect(ensureData({ datasetsDir: dir })).rejects.toThrow(
      'Expected exactly one dataset with generator kind "patients", found 0',
    );
  });
});
