import * as fs from 'node:fs';
import * as path from 'node:path';
import { JestPerfError } from './errors';
import { DEFAULT_DATA_DIR } from './paths';
import { configSchema } from './schemas/config.schema';
import type { JestPerfConfig, ResolvedConfig } from './types';
import { describeSchemaError, validateWith } from './validate';

export const CONFIG_FILE = 'jest-perf.config.json';

/** Defaults: thresholds 20 % per test and 15 % per suite, slow tests over 30 s. */
export const DEFAULT_CONFIG: JestPerfConfig = {
  dataDir: DEFAULT_DATA_DIR,
  baselinePath: `${DEFAULT_DATA_DIR}/baseline.json`,
  historySize: 50,
  slowTestMs: 30_000,
  thresholds: { test: 0.2, suite: 0.15, minAbsoluteMs: 100 },
  exclude: [],
};

type PartialConfig = Partial<Omit<JestPerfConfig, 'thresholds'>> & {
  thresholds?: Partial<JestPerfConfig['thresholds']>;
};

function readConfigFile(file: string): PartialConfig {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new JestPerfError('JEST_PERF_CONFIG_INVALID', 'jest-perf config is not valid JSON', {
      file,
      fix: `fix the JSON syntax in ${path.basename(file)}`,
      cause,
    });
  }
  return parsed as PartialConfig;
}

/** Finds the user's config: `jest-perf.config.json` first, then `package.json#jestPerf`. */
function findConfig(rootDir: string): { source: string | null; raw: unknown } {
  const configFile = path.join(rootDir, CONFIG_FILE);
  if (fs.existsSync(configFile)) return { source: configFile, raw: readConfigFile(configFile) };
  const pkgFile = path.join(rootDir, 'package.json');
  if (fs.existsSync(pkgFile)) {
    const pkg: unknown = readConfigFile(pkgFile);
    // A package.json that is not an object (null, an array) simply holds no jest-perf config.
    const isObject = typeof pkg === 'object' && pkg !== null && !Array.isArray(pkg);
    if (isObject && 'jestPerf' in pkg && pkg.jestPerf !== undefined)
      return { source: `${pkgFile}#jestPerf`, raw: pkg.jestPerf };
  }
  return { source: null, raw: {} };
}

/** Validates a partial config and fills in the defaults. */
export function resolveConfig(raw: unknown, rootDir: string, source: string | null = null): ResolvedConfig {
  const partial = validateWith<PartialConfig>(configSchema, raw, {
    what: 'jest-perf config',
    code: 'JEST_PERF_CONFIG_INVALID',
    file: source ?? undefined,
    fix: 'see "Configuration" in the jest-perf user guide (https://github.com/jest-perf/jest-perf/blob/main/docs/PERFORMANCE.md#configuration) for the allowed keys and types',
  });
  for (const pattern of partial.exclude ?? []) {
    try {
      new RegExp(pattern);
    } catch {
      throw new JestPerfError(
        'JEST_PERF_CONFIG_INVALID',
        `exclude pattern ${JSON.stringify(pattern)} is not a valid regex`,
        {
          file: source ?? undefined,
          fix: 'write exclude entries as regular expressions, like Jest testPathIgnorePatterns',
        },
      );
    }
  }
  return {
    ...DEFAULT_CONFIG,
    ...partial,
    thresholds: { ...DEFAULT_CONFIG.thresholds, ...partial.thresholds },
    rootDir,
    source,
  };
}

/**
 * Loads and validates jest-perf's config for a project root.
 * @throws JestPerfError `JEST_PERF_CONFIG_INVALID` naming the file and field.
 */
export function loadConfig(rootDir: string): ResolvedConfig {
  const { source, raw } = findConfig(rootDir);
  // No config at all: the defaults are valid by construction, and skipping ajv saves every tracked run ~50 ms.
  if (source === null) return { ...DEFAULT_CONFIG, thresholds: { ...DEFAULT_CONFIG.thresholds }, rootDir, source };
  return resolveConfig(raw, rootDir, source);
}

export { describeSchemaError };
