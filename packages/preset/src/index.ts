import type { Config } from '@jest/types';

/** jest-perf's default data folder (`dataDir`), as a Jest path pattern. */
export const DATA_DIR_PATTERN = '<rootDir>/\\.jest-perf/';

/** Options for {@link createPreset}. */
export interface PresetOptions {
  /** `node` (default) or `jsdom` (needs jest-environment-jsdom installed). */
  environment?: 'node' | 'jsdom';
  /**
   * Record each test's line (`testLocationInResults`). Off by default: Jest formats a stack for every
   * test to find it (measured ~+10 % on a 5,000-test suite). Reports and `categorize --apply` find lines
   * by the title when none is recorded; GitHub annotations point at the file without it.
   */
  testLocations?: boolean;
}

/**
 * The Jest settings of `@jest-perf/preset`: the tracking environment, the jest-perf reporter next to
 * Jest's default one, ts-jest for TypeScript, and the duration-balanced shard sequencer.
 * Tracking stays off until `JEST_PERF=1` (`pnpm perf:track`).
 * @example
 * // jest.config.js
 * module.exports = { preset: '@jest-perf/preset' };
 */
export function createPreset(options: PresetOptions = {}): Config.InitialOptions {
  const kind = options.environment ?? 'node';
  if (kind !== 'node' && kind !== 'jsdom') {
    throw new Error(
      `@jest-perf/preset: environment must be 'node' or 'jsdom', got ${JSON.stringify(kind)}. ` +
        "Fix: createPreset({ environment: 'jsdom' }), or wrap your own environment with withPerfTracking from @jest-perf/environment/api.",
    );
  }
  const environment = kind === 'jsdom' ? '@jest-perf/environment/jsdom' : '@jest-perf/environment';
  return {
    testEnvironment: require.resolve(environment),
    transform: { '^.+\\.[cm]?tsx?$': [require.resolve('ts-jest'), {}] },
    moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
    reporters: reporters(),
    // Under --shard, balances shards by recorded duration; otherwise Jest's own order.
    testSequencer: require.resolve('@jest-perf/parallel/sequencer'),
    testLocationInResults: options.testLocations === true,
    // jest-perf's data folder is not code: left visible, every tracked run's new run file makes the next
    // run's haste map process changed files, with two extra worker processes on a 2-core machine.
    modulePathIgnorePatterns: [DATA_DIR_PATTERN],
  };
}

/**
 * Jest's default reporter plus jest-perf's, resolved from this package. Jest reads `reporters` only
 * from the top-level config, so a multi-project config (`projects: [...]`) must set them itself:
 * @example
 * import { reporters } from '@jest-perf/preset';
 * export default { reporters: reporters(), projects: [{ preset: '@jest-perf/preset' }] };
 */
export function reporters(): Config.InitialOptions['reporters'] {
  return ['default', require.resolve('@jest-perf/reporter')];
}
