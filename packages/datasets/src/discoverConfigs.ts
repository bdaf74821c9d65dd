import * as fs from 'node:fs';
import * as path from 'node:path';
import { DatasetError } from './errors';
import { DATASET_NAME_PATTERN, resolveInside } from './paths';
import type { ConfigValidator } from './validateConfig';

/** One config file found in the datasets folder: valid, or why not. */
export type ConfigEntry<C> =
  | { kind: 'valid'; name: string; configPath: string; config: C }
  | { kind: 'invalid'; name: string; configPath: string; error: DatasetError };

/** `*.json`, `*.dataset.json`…: one `*`, which matches the dataset name. */
export interface ConfigPattern {
  prefix: string;
  suffix: string;
  source: string;
}

/** @throws {TypeError} naming the option when `pattern` is not a file name with exactly one `*`. */
export function parseConfigPattern(pattern: string): ConfigPattern {
  const parts = pattern.split('*');
  if (parts.length !== 2 || /[/\\]/.test(pattern)) {
    throw new TypeError(
      `The option configFile should be a file name with one "*" standing for the dataset name, like "*.json" (got ${JSON.stringify(pattern)})`,
    );
  }
  return { prefix: parts[0] ?? '', suffix: parts[1] ?? '', source: pattern };
}

export interface DiscoverOptions {
  dir: string;
  realDir: string;
  pattern: ConfigPattern;
  validate: ConfigValidator | undefined;
}

/**
 * Reads every config file of the folder (small JSON files only, never data), sorted by name.
 * A broken config becomes an `invalid` entry, so one bad file makes one dataset unavailable.
 * @throws {DatasetError} JEST_PERF_DATASET_NAME_INVALID for a config file whose name is no dataset name.
 */
export function discoverConfigs<C>(options: DiscoverOptions): Map<string, ConfigEntry<C>> {
  const { dir, pattern } = options;
  const entries = new Map<string, ConfigEntry<C>>();
  const names = fs
    .readdirSync(dir)
    .filter((file) => file.length > pattern.prefix.length + pattern.suffix.length)
    .filter((file) => file.startsWith(pattern.prefix) && file.endsWith(pattern.suffix))
    .map((file) => file.slice(pattern.prefix.length, file.length - pattern.suffix.length))
    // Hidden files (editor backups, `.DS_Store`-like) are not datasets.
    .filter((name) => !name.startsWith('.'))
    .sort();
  for (const name of names) {
    const configPath = path.join(dir, `${pattern.prefix}${name}${pattern.suffix}`);
    if (!DATASET_NAME_PATTERN.test(name)) {
      throw new DatasetError(
        'JEST_PERF_DATASET_NAME_INVALID',
        `Config file name gives an invalid dataset name "${name}"`,
        {
          file: configPath,
          fix: `rename the file: dataset names use letters, digits, "_" and "-" only (${DATASET_NAME_PATTERN.source})`,
        },
      );
    }
    entries.set(name, readEntry<C>(name, configPath, options));
  }
  return entries;
}

function readEntry<C>(name: string, configPath: string, options: DiscoverOptions): ConfigEntry<C> {
  const file = path.basename(configPath);
  const invalid = (reason: string, fix: string, cause?: unknown): ConfigEntry<C> => ({
    kind: 'invalid',
    name,
    configPath,
    error: new DatasetError('JEST_PERF_DATASET_CONFIG_INVALID', `config ${file} ${reason}`, {
      file: configPath,
      fix,
      cause,
    }),
  });
  const where = resolveInside(options.dir, options.realDir, file);
  if (where.kind === 'outside') {
    const error = new DatasetError('JEST_PERF_DATASET_PATH_OUTSIDE', `config ${file} ${where.why}`, {
      file: configPath,
      fix: 'put the config file itself in the datasets folder instead of a symlink to elsewhere',
    });
    return { kind: 'invalid', name, configPath, error };
  }
  let text: string;
  let value: unknown;
  try {
    text = fs.readFileSync(configPath, 'utf8');
    value = JSON.parse(text);
  } catch (cause) {
    return invalid(`is not readable JSON: ${(cause as Error).message}`, 'make the file valid JSON', cause);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return invalid('is invalid: field (root) must be an object', 'make the file a JSON object');
  }
  const problems = options.validate?.(value, text) ?? [];
  if (problems.length > 0) {
    return invalid(
      `is invalid: ${problems.join('; ')}`,
      `fix the field in ${file} (it must match the registry's schema)`,
    );
  }
  const declared = (value as { name?: unknown }).name;
  if (typeof declared === 'string' && declared !== name) {
    return invalid(
      `is invalid: field /name is "${declared}" but the file is named for "${name}"`,
      `rename the file or set "name": "${name}"`,
    );
  }
  return { kind: 'valid', name, configPath, config: value as C };
}
