import type { EnvVarName } from '@jest-perf/core/env';
import type { DatasetErrorCode } from './errors';

/** What `load` gets besides the config. */
export interface LoadContext {
  /** The dataset name (the config file name without the pattern's prefix and suffix). */
  name: string;
  /** Absolute path of the config file. */
  configPath: string;
}

/** Options of {@link DatasetRegistry}. */
export interface DatasetRegistryOptions<T, C> {
  /** Folder holding the dataset configs; relative paths resolve against `process.cwd()`. */
  dir: string;
  /**
   * Loads one dataset. Called lazily, at most once per name while its result is cached; relative
   * paths in `config` resolve against `dir` (absolute, symlinks not resolved).
   */
  load: (config: C, dir: string, context: LoadContext) => Promise<T> | T;
  /** JSON schema every config must match (ajv, strict mode); a bad config names its file and field. */
  schema?: object;
  /** Config file names, one `*` standing for the dataset name. Default `*.json`. */
  configFile?: string;
  /**
   * The data files a config names, relative to `dir`: availability checks they exist and stay inside
   * `dir`. Default: every string value ending in .csv/.xlsx/.json/.parquet/.arrow (see `defaultDataFiles`).
   */
  files?: (config: C) => readonly string[];
  /** How a user makes a missing data file appear, shown in skip titles and errors (e.g. "run `pnpm generate-data`"). */
  fix?: string;
}

/** Result of the cheap availability check: never loads the dataset. */
export type Availability =
  | { available: true }
  | {
      available: false;
      /** One line, for a skip title: what is wrong and how to fix it. */
      reason: string;
      code: DatasetErrorCode;
    };

/** What the old eager fixture returned: every available dataset, loaded. */
export interface DiscoveredDatasets<T, C> {
  /** Names of the datasets whose config is valid and whose data files exist, sorted. */
  available: string[];
  /** Every valid config, by name (also those whose data files are missing). */
  configs: Record<string, C>;
  /** The loaded datasets, by name (the available ones only). */
  allDatasets: Record<string, T>;
}

/** `1` makes `getDatasetByName` load every available dataset on first use, like the old eager fixture. */
export const EAGER_DATASETS_ENV = 'JEST_PERF_EAGER_DATASETS' satisfies EnvVarName;
/** `1` makes `describeWithDataset`/`itWithDataset` fail at collection instead of skipping (for CI). */
export const REQUIRE_DATASETS_ENV = 'JEST_PERF_REQUIRE_DATASETS' satisfies EnvVarName;
