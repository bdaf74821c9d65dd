import type { Config } from '@jest/types';
import { ignoringDataDir } from '@jest-perf/core/paths';
import { withLinkedEnvironmentIgnored } from './linkedInstall';
import { environmentPath, reporterPath } from './paths';

type ProjectConfig = Config.InitialProjectOptions;
type ReporterEntry = NonNullable<Config.InitialOptions['reporters']>[number];
type ConfigFactory = () => Config.InitialOptions | Promise<Config.InitialOptions>;

/** Names under which a config can already point at jest-perf's environment or reporter. */
const ENVIRONMENT_NAMES = ['@jest-perf/environment', '@jest-perf/environment/jsdom'];
const REPORTER_NAME = '@jest-perf/reporter';

function isOurEnvironment(environment: string): boolean {
  return (
    ENVIRONMENT_NAMES.includes(environment) || [environmentPath('node'), environmentPath('jsdom')].includes(environment)
  );
}

function isOurReporter(entry: ReporterEntry): boolean {
  const name = typeof entry === 'string' ? entry : entry[0];
  return name === REPORTER_NAME || name === reporterPath();
}

/**
 * One project with jest-perf's environment wrapped around its own: `testEnvironment` (Jest's default,
 * `node`, when unset) moves to `testEnvironmentOptions.jestPerf.base`. Already wrapped: unchanged. Its
 * `modulePathIgnorePatterns` gain jest-perf's data folder, as the preset's do: left in Jest's file map, each
 * run file makes the next run process changed files, and in watch mode starts another run.
 */
function wrapProject<T extends ProjectConfig>(project: T): T {
  const own = project.modulePathIgnorePatterns ?? [];
  const ignored = ignoringDataDir(own);
  const withIgnored: T = ignored === own ? project : { ...project, modulePathIgnorePatterns: [...ignored] };
  const environmentOwn = project.testEnvironment ?? 'node';
  if (isOurEnvironment(environmentOwn)) return withIgnored;
  const options = (project.testEnvironmentOptions ?? {}) as Record<string, unknown>;
  const jestPerf = (options.jestPerf ?? {}) as Record<string, unknown>;
  const environment = environmentPath('node');
  const wrapped: T = {
    ...withIgnored,
    testEnvironment: environment,
    testEnvironmentOptions: { ...options, jestPerf: { ...jestPerf, base: environmentOwn } },
  };
  const transformIgnorePatterns = withLinkedEnvironmentIgnored(project.transformIgnorePatterns, environment);
  if (transformIgnorePatterns) wrapped.transformIgnorePatterns = transformIgnorePatterns;
  return wrapped;
}

/** The user's reporters (Jest's `default` when none) plus jest-perf's, once. */
function withReporter(list: Config.InitialOptions['reporters']): ReporterEntry[] {
  const own = list && list.length > 0 ? [...list] : ['default'];
  return own.some(isOurReporter) ? own : [...own, reporterPath()];
}

function wrapConfig(config: Config.InitialOptions): Config.InitialOptions {
  const wrapped = wrapProject(config);
  wrapped.reporters = withReporter(config.reporters);
  if (Array.isArray(config.projects)) {
    // A project given as a path (a folder or config file) is its own config: wrap that file instead.
    wrapped.projects = config.projects.map((project) =>
      typeof project === 'object' && project !== null ? wrapProject(project as ProjectConfig) : project,
    );
  }
  return wrapped;
}

/**
 * Wires jest-perf into your Jest config and keeps everything else of it: in the root config and in each
 * `projects` entry that is an object, your `testEnvironment` (default `node`) is wrapped by jest-perf's
 * (`testEnvironmentOptions.jestPerf.base`), and the jest-perf reporter joins your `reporters` (Jest's
 * `default` is kept, or added when you had none), and `.jest-perf/` joins your `modulePathIgnorePatterns`.
 * Your `preset`, `transform`, `moduleFileExtensions`… are left as they are. Wrapping twice is the same as
 * once. Tracking stays off until `JEST_PERF=1`.
 * @example
 * // jest.config.js
 * const { withJestPerf } = require('@jest-perf/preset');
 * module.exports = withJestPerf({ preset: 'ts-jest', testEnvironment: 'jsdom' });
 */
export function withJestPerf(config: Config.InitialOptions): Config.InitialOptions;
export function withJestPerf(config: ConfigFactory): () => Promise<Config.InitialOptions>;
export function withJestPerf(
  config: Config.InitialOptions | ConfigFactory,
): Config.InitialOptions | (() => Promise<Config.InitialOptions>) {
  if (typeof config === 'function') return async () => wrapConfig(await config());
  if (config === null || typeof config !== 'object') {
    throw new TypeError(
      `withJestPerf: expected your Jest config (an object, or a function returning one), got ${config === null ? 'null' : typeof config}. ` +
        'Example: module.exports = withJestPerf({ testEnvironment: "node" })',
    );
  }
  return wrapConfig(config);
}
