import type { Config } from '@jest/types';
import { DATA_DIR_PATTERN } from '@jest-perf/core/paths';
import { withLinkedEnvironmentIgnored } from './linkedInstall';
import { environmentPath, reporters } from './paths';

// Exported from here too: the preset's public name for it since 0.1.0.
export { DATA_DIR_PATTERN };

/** Options for {@link createPreset}. */
export interface PresetOptions {
  /** `node` (default) or `jsdom` (needs jest-environment-jsdom installed). */
  environment?: 'node' | 'jsdom';
  /** `'ts-jest'` adds ts-jest (your own install) for `.ts`/`.tsx`/`.mts`/`.cts` files; none by default. */
  transform?: 'ts-jest';
}

/** The ts-jest transform entry: the project's ts-jest, found from here when linked (a peer), else by name. */
function tsJest(): string {
  try {
    return require.resolve('ts-jest');
  } catch {
    // Jest resolves a bare name from the project's rootDir.
    return 'ts-jest';
  }
}

/**
 * The Jest settings of `@jest-perf/preset`: jest-perf's environment (wrapping Jest's node, or jsdom,
 * environment) and the jest-perf reporter next to Jest's default one. No transform and no other change:
 * Jest keeps babel-jest and its default `moduleFileExtensions`. Tracking stays off until `JEST_PERF=1`.
 * @example
 * // jest.config.js
 * module.exports = { preset: '@jest-perf/preset' }; // or '@jest-perf/preset/ts-jest'
 */
export function createPreset(options: PresetOptions = {}): Config.InitialOptions {
  const kind = options.environment ?? 'node';
  if (kind !== 'node' && kind !== 'jsdom') {
    throw new Error(
      `@jest-perf/preset: environment must be 'node' or 'jsdom', got ${JSON.stringify(kind)}. ` +
        "Fix: createPreset({ environment: 'jsdom' }), or use withJestPerf(config) to wrap any environment.",
    );
  }
  if (options.transform !== undefined && options.transform !== 'ts-jest') {
    throw new Error(
      `@jest-perf/preset: transform must be 'ts-jest' or left out, got ${JSON.stringify(options.transform)}. ` +
        "Fix: leave it out to keep Jest's (or your own) transform.",
    );
  }
  const environment = environmentPath(kind);
  const preset: Config.InitialOptions = {
    testEnvironment: environment,
    reporters: reporters(),
    // jest-perf's data folder is not code: left visible, every tracked run's new run file makes the next
    // run's haste map process changed files. Jest adds a preset's patterns to the project's own.
    modulePathIgnorePatterns: [DATA_DIR_PATTERN],
  };
  // Linked from outside node_modules (a workspace), the environment would go through the project's transform.
  const transformIgnorePatterns = withLinkedEnvironmentIgnored(undefined, environment);
  if (transformIgnorePatterns) preset.transformIgnorePatterns = transformIgnorePatterns;
  if (options.transform === 'ts-jest') preset.transform = { '^.+\\.[cm]?tsx?$': [tsJest(), {}] };
  return preset;
}
