import * as fs from 'node:fs';
import * as path from 'node:path';
import { AppError } from '../errors';
import { DATASETS_DIR } from '../paths';
import { checkDatasetConfig, type DatasetConfig } from './datasetConfig';

/** A validated dataset config and where it came from. */
export interface DiscoveredDataset {
  config: DatasetConfig;
  /** Absolute path of the config file. */
  configPath: string;
  /** Folder that the config's relative paths resolve against. */
  baseDir: string;
}

/**
 * Reads and validates one dataset config file.
 * @throws {AppError} DATASET_CONFIG_INVALID naming the file and each failing field.
 */
export function readDatasetConfig(configPath: string): DiscoveredDataset {
  let value: unknown;
  try {
    value = JSON.parse(fs.readFileSync(configPath, 'utf8'));
  } catch (cause) {
    throw new AppError('DATASET_CONFIG_INVALID', `Cannot read dataset config ${configPath}: ${String(cause)}`, {
      cause,
      fix: 'make the file valid JSON',
    });
  }
  const check = checkDatasetConfig(value);
  if (!check.ok) {
    throw new AppError(
      'DATASET_CONFIG_INVALID',
      `Invalid dataset config ${configPath}:\n  ${check.errors.join('\n  ')}`,
      {
        fix: 'compare the file with src/datasets/datasetConfig.ts (datasetConfigSchema)',
      },
    );
  }
  const expected = path.basename(configPath, '.json');
  if (check.config.name !== expected) {
    throw new AppError(
      'DATASET_CONFIG_INVALID',
      `Dataset config ${configPath} has name "${check.config.name}" but its file is named "${expected}.json"`,
      { fix: `rename the file or set "name": "${expected}"` },
    );
  }
  return { config: check.config, configPath, baseDir: path.dirname(configPath) };
}

/** Every `*.json` dataset config in `dir`, sorted by name. */
export function discoverDatasets(dir: string = DATASETS_DIR): DiscoveredDataset[] {
  if (!fs.existsSync(dir)) {
    throw new AppError('DATASET_NOT_FOUND', `Datasets folder ${dir} does not exist`);
  }
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => readDatasetConfig(path.join(dir, f)));
}

/**
 * The dataset called `name`.
 * @throws {AppError} DATASET_NOT_FOUND listing the datasets that exist.
 */
export function findDataset(name: string, dir: string = DATASETS_DIR): DiscoveredDataset {
  const all = discoverDatasets(dir);
  const found = all.find((d) => d.config.name === name);
  if (!found) {
    const known = all.map((d) => d.config.name).join(', ');
    throw new AppError('DATASET_NOT_FOUND', `No dataset named "${name}" in ${dir} (known: ${known})`);
  }
  return found;
}
