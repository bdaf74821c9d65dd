import * as fs from 'node:fs';
import * as path from 'node:path';
import { COUNTER_GROUPS, countOnChannel } from '@jest-perf/core/channel';
import { readEnv } from '@jest-perf/core/env';
import { defaultDataFiles } from './dataFiles';
import { type ConfigEntry, type ConfigPattern, discoverConfigs, parseConfigPattern } from './discoverConfigs';
import { DatasetError } from './errors';
import { assertDatasetName, resolveInside } from './paths';
import {
  type Availability,
  type DatasetRegistryOptions,
  type DiscoveredDatasets,
  EAGER_DATASETS_ENV,
  type LoadContext,
} from './types';
import { type ConfigValidator, schemaValidator } from './validateConfig';

/**
 * The datasets of one folder, each described by a small JSON config: discovered cheaply, loaded
 * lazily by name and memoised (per registry instance, so per test file unless shared with
 * `workerFixture`).
 * @example
 * const registry = new DatasetRegistry({ dir: 'datasets', schema, load: (config, dir) => readTable(config, dir) });
 * const statin = await registry.getDatasetByName('statin');
 */
export class DatasetRegistry<T, C = Record<string, unknown>> {
  /** The datasets folder, absolute. */
  readonly dir: string;
  private readonly load: (config: C, dir: string, context: LoadContext) => Promise<T> | T;
  private readonly files: (config: C) => readonly string[];
  private readonly fix: string | undefined;
  private readonly pattern: ConfigPattern;
  private readonly validate: ConfigValidator | undefined;
  private discovered: { entries: Map<string, ConfigEntry<C>>; realDir: string } | undefined;
  private readonly loads = new Map<string, Promise<T>>();
  private everything: Promise<void> | undefined;

  /** @throws {TypeError} naming the option when an option has the wrong type. */
  constructor(options: DatasetRegistryOptions<T, C>) {
    if (typeof options?.dir !== 'string' || options.dir === '') {
      throw new TypeError('The option dir should be the path of the folder holding the dataset configs');
    }
    if (typeof options.load !== 'function') {
      throw new TypeError('The option load should be a function (config, dir) => dataset');
    }
    if (options.schema !== undefined && (typeof options.schema !== 'object' || options.schema === null)) {
      throw new TypeError('The option schema should be a JSON schema object');
    }
    if (options.files !== undefined && typeof options.files !== 'function') {
      throw new TypeError('The option files should be a function (config) => string[]');
    }
    this.dir = path.resolve(options.dir);
    this.load = options.load;
    this.files = options.files ?? defaultDataFiles;
    this.fix = options.fix;
    this.pattern = parseConfigPattern(options.configFile ?? '*.json');
    this.validate = options.schema ? schemaValidator(options.schema) : undefined;
  }

  /**
   * Every dataset with a config file, sorted (including those with an invalid config).
   * @throws {DatasetError} JEST_PERF_DATASETS_DIR_MISSING when the folder does not exist.
   */
  names(): string[] {
    return [...this.discover().entries.keys()];
  }

  /**
   * The validated config of a dataset.
   * @throws {DatasetError} when the name is invalid or unknown, or its config is invalid.
   */
  config(name: string): C {
    const entry = this.entry(name);
    if (entry.kind === 'invalid') throw entry.error;
    return entry.config;
  }

  /**
   * Whether `name` can be loaded: its config is valid and the data files it names exist inside the
   * folder. Cheap (reads configs, stats files), never loads; safe at collection time.
   * @throws {DatasetError} when the name is invalid or no config has it (a typo must not skip silently).
   */
  availability(name: string): Availability {
    assertDatasetName(name);
    let entry: ConfigEntry<C>;
    try {
      entry = this.entry(name);
    } catch (error) {
      if (error instanceof DatasetError && error.code === 'JEST_PERF_DATASETS_DIR_MISSING') return unavailable(error);
      throw error;
    }
    const checked = this.check(entry);
    return checked.kind === 'ok' ? { available: true } : unavailable(checked.error);
  }

  /**
   * Loads the dataset `name` on first call and returns the same promise afterwards (concurrent
   * callers share one load; a failed load is forgotten so the next call retries). With
   * `JEST_PERF_EAGER_DATASETS=1`, the first call loads every available dataset first.
   * @throws {DatasetError} (as a rejection) when the name is invalid or unknown or the dataset unavailable.
   */
  async getDatasetByName(name: string): Promise<T> {
    assertDatasetName(name);
    if (readEnv(EAGER_DATASETS_ENV)) await this.loadEverything();
    return this.loadOne(name);
  }

  /**
   * The old eager fixture's shape: loads every available dataset (one after the other). Kept so
   * old tests keep working while they move to {@link getDatasetByName}.
   * @deprecated load what a test needs with {@link getDatasetByName}.
   */
  async discoveredDatasets(): Promise<DiscoveredDatasets<T, C>> {
    const configs: Record<string, C> = {};
    for (const entry of this.discover().entries.values())
      if (entry.kind === 'valid') configs[entry.name] = entry.config;
    const available = this.availableNames();
    const allDatasets: Record<string, T> = {};
    for (const name of available) allDatasets[name] = await this.loadOne(name);
    return { available, configs, allDatasets };
  }

  /** Forgets discovered configs and loaded datasets (for tests that change the folder). */
  reset(): void {
    this.discovered = undefined;
    this.loads.clear();
    this.everything = undefined;
  }

  private discover(): { entries: Map<string, ConfigEntry<C>>; realDir: string } {
    if (this.discovered) return this.discovered;
    let realDir: string;
    try {
      realDir = fs.realpathSync(this.dir);
      if (!fs.statSync(realDir).isDirectory()) throw new Error('not a directory');
    } catch (cause) {
      throw new DatasetError('JEST_PERF_DATASETS_DIR_MISSING', `datasets folder ${this.dir} does not exist`, {
        fix: this.fix ?? 'check the dir option of the DatasetRegistry',
        cause,
      });
    }
    const entries = discoverConfigs<C>({ dir: this.dir, realDir, pattern: this.pattern, validate: this.validate });
    this.discovered = { entries, realDir };
    return this.discovered;
  }

  private entry(name: string): ConfigEntry<C> {
    assertDatasetName(name);
    const { entries } = this.discover();
    const entry = entries.get(name);
    if (entry) return entry;
    const known = [...entries.keys()].join(', ') || 'none';
    throw new DatasetError('JEST_PERF_DATASET_NOT_FOUND', `No dataset named "${name}" (known: ${known})`, {
      file: this.dir,
      fix: `add ${this.pattern.prefix}${name}${this.pattern.suffix} to the folder, or use one of the known names`,
    });
  }

  /** The config when the dataset can be loaded, or why it cannot. */
  private check(entry: ConfigEntry<C>): { kind: 'ok'; config: C } | { kind: 'problem'; error: DatasetError } {
    if (entry.kind === 'invalid') return { kind: 'problem', error: entry.error };
    const { realDir } = this.discover();
    for (const file of this.files(entry.config)) {
      if (typeof file !== 'string') throw new TypeError('The option files should return relative paths (strings)');
      const where = resolveInside(this.dir, realDir, file);
      if (where.kind === 'outside') {
        const error = new DatasetError('JEST_PERF_DATASET_PATH_OUTSIDE', `data file ${file} ${where.why}`, {
          file: entry.configPath,
          fix: 'name data files relative to the datasets folder, without "../", absolute paths or symlinks out',
        });
        return { kind: 'problem', error };
      }
      if (!where.exists) {
        const error = new DatasetError('JEST_PERF_DATASET_FILE_MISSING', `data file ${file} does not exist`, {
          file: where.path,
          fix: this.fix ?? `create it, or remove it from ${path.basename(entry.configPath)}`,
        });
        return { kind: 'problem', error };
      }
    }
    return { kind: 'ok', config: entry.config };
  }

  private availableNames(): string[] {
    return [...this.discover().entries.values()].filter((e) => this.check(e).kind === 'ok').map((e) => e.name);
  }

  private loadEverything(): Promise<void> {
    this.everything ??= (async () => {
      for (const name of this.availableNames()) await this.loadOne(name);
    })().catch((error: unknown) => {
      this.everything = undefined;
      throw error;
    });
    return this.everything;
  }

  private loadOne(name: string): Promise<T> {
    const cached = this.loads.get(name);
    if (cached) {
      countOnChannel(COUNTER_GROUPS.datasets, 'cacheHits');
      return cached;
    }
    const entry = this.entry(name);
    const checked = this.check(entry);
    if (checked.kind === 'problem') {
      const { code, reason, file, fix } = checked.error;
      return Promise.reject(
        new DatasetError(code, `Dataset "${name}" is unavailable: ${reason}`, { file, fix, cause: checked.error }),
      );
    }
    const started = performance.now();
    const context: LoadContext = { name, configPath: entry.configPath };
    const promise: Promise<T> = Promise.resolve()
      .then(() => this.load(checked.config, this.dir, context))
      .finally(() => {
        countOnChannel(COUNTER_GROUPS.datasets, 'loads');
        countOnChannel(COUNTER_GROUPS.datasets, 'loadMs', Math.round((performance.now() - started) * 10) / 10);
      })
      .catch((error: unknown) => {
        if (this.loads.get(name) === promise) this.loads.delete(name);
        throw error;
      });
    this.loads.set(name, promise);
    return promise;
  }
}

function unavailable(error: DatasetError): Availability {
  const fix = error.fix ? ` — ${error.fix}` : '';
  return { available: false, reason: `${error.reason}${fix}`.replace(/\s*\n\s*/g, ' '), code: error.code };
}
