import type { Config } from '@jest/types';

/** Options for {@link createPreset}. */
export interface PresetOptions {
  /** `node` (default) or `jsdom` (needs jest-environment-jsdom installed). */
  environment?: 'node' | 'jsdom';
}

/**
 * The Jest settings of `@jest-perf/preset`: the tracking environment, the jest-perf reporter next to
 * Jest's default one, ts-jest for TypeScript and test locations (so reports can point at lines).
 * Tracking stays off until `JEST_PERF=1` (`pnpm perf:track`).
 * @example
 * // jest.config.js
 * module.exports = { preset: '@jest-perf/preset' };
 */
export function createPreset(options: PresetOptions = {}): Config.InitialOptions {
  const environment = options.environment === 'jsdom' ? '@jest-perf/environment/jsdom' : '@jest-perf/environment';
  return {
    testEnvironment: require.resolve(environment),
    transform: { '^.+\\.[cm]?tsx?$': [require.resolve('ts-jest'), {}] },
    moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
    reporters: reporters(),
    // Under --shard, balances shards by recorded duration; otherwise Jest's own order.
    testSequencer: require.resolve('@jest-perf/parallel/sequencer'),
    testLocationInResults: true,
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
