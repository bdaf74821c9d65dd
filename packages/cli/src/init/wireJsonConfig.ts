import { DATA_DIR_PATTERN, ignoringDataDir } from '@jest-perf/core';
export const PRESET = '@jest-perf/preset';
export const ENVIRONMENT = '@jest-perf/environment';
export const REPORTER = '@jest-perf/reporter';

type JsonObject = Record<string, unknown>;

/** What init does to a JSON Jest config: the new object and what changed, or a refusal with the reason. */
export type JsonConfigEdit =
  | { kind: 'edited'; config: JsonObject; changes: string[] }
  | { kind: 'wired' }
  | { kind: 'refused'; reason: string };

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isOurEnvironment = (value: unknown): boolean =>
  typeof value === 'string' && (value === ENVIRONMENT || value.startsWith(`${ENVIRONMENT}/`));

const reporterName = (entry: unknown): unknown => (Array.isArray(entry) ? entry[0] : entry);

/**
 * Wires jest-perf into a JSON Jest config (jest.config.json or package.json#jest), keeping every key
 * the user has: `preset: '@jest-perf/preset'` when there is no preset; otherwise (their own preset such as
 * ts-jest is kept) the environment + reporter route. A `testEnvironment` of theirs becomes the wrapped
 * base (`testEnvironmentOptions.jestPerf.base`); their `reporters` get '@jest-perf/reporter' added.
 */
export function wireJsonConfig(original: unknown): JsonConfigEdit {
  if (!isObject(original)) return { kind: 'refused', reason: 'the Jest config is not a JSON object' };
  if (original.projects !== undefined) {
    return { kind: 'refused', reason: 'it has `projects` (wire each project and the top-level reporters by hand)' };
  }
  const config: JsonObject = { ...original };
  const changes: string[] = [];
  const ownPreset = config.preset === PRESET;
  if (config.preset === undefined) {
    // The preset goes first, so it reads as the base the other keys refine.
    const withPreset: JsonObject = { preset: PRESET, ...config };
    for (const key of Object.keys(config)) delete config[key];
    Object.assign(config, withPreset);
    changes.push(`preset: '${PRESET}'`);
  }
  const presetIsOurs = ownPreset || config.preset === PRESET;

  const environment = config.testEnvironment;
  if (environment !== undefined && typeof environment !== 'string') {
    return { kind: 'refused', reason: '`testEnvironment` is not a string' };
  }
  if (!isOurEnvironment(environment) && (environment !== undefined || !presetIsOurs)) {
    config.testEnvironment = ENVIRONMENT;
    changes.push(`testEnvironment: '${ENVIRONMENT}'`);
    if (environment === undefined) {
      changes.push(
        `(if your preset '${String(config.preset)}' sets its own testEnvironment, put it in testEnvironmentOptions.jestPerf.base)`,
      );
    } else {
      const options = config.testEnvironmentOptions ?? {};
      if (!isObject(options)) return { kind: 'refused', reason: '`testEnvironmentOptions` is not an object' };
      config.testEnvironmentOptions = { ...options, jestPerf: { base: environment } };
      changes.push(`testEnvironmentOptions.jestPerf.base: '${environment}' (your environment, wrapped)`);
    }
  }

  const reporters = config.reporters;
  if (reporters !== undefined && !Array.isArray(reporters)) {
    return { kind: 'refused', reason: '`reporters` is not an array' };
  }
  if (reporters === undefined && !presetIsOurs) {
    config.reporters = ['default', REPORTER];
    changes.push(`reporters: ['default', '${REPORTER}']`);
  } else if (reporters !== undefined && !reporters.some((entry) => reporterName(entry) === REPORTER)) {
    config.reporters = [...reporters, REPORTER];
    changes.push(`reporters: + '${REPORTER}'`);
  }
  if (!presetIsOurs) {
    // The preset hides the data folder itself; without it, so must the config (see DATA_DIR_PATTERN).
    const own = config.modulePathIgnorePatterns ?? [];
    if (!Array.isArray(own)) return { kind: 'refused', reason: '`modulePathIgnorePatterns` is not an array' };
    const ignored = ignoringDataDir(own);
    if (ignored !== own) {
      config.modulePathIgnorePatterns = ignored;
      changes.push(`modulePathIgnorePatterns: + '${DATA_DIR_PATTERN}' (a run file must not start a watch-mode run)`);
    }
  }
  return changes.length === 0 ? { kind: 'wired' } : { kind: 'edited', config, changes };
}
