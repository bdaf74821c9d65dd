import type { Config } from '@jest/types';

/**
 * Every module the preset hands Jest is resolved here, to an absolute path: Jest resolves names from the
 * user's project, where a strict install (pnpm) does not expose this package's dependencies.
 */
export function environmentPath(kind: 'node' | 'jsdom' = 'node'): string {
  return require.resolve(kind === 'jsdom' ? '@jest-perf/environment/jsdom' : '@jest-perf/environment');
}

export function reporterPath(): string {
  return require.resolve('@jest-perf/reporter');
}

/**
 * Jest's default reporter plus jest-perf's. Jest reads `reporters` only from the top-level config, so a
 * multi-project config sets them there (or uses {@link withJestPerf}, which does).
 * @example
 * import { reporters } from '@jest-perf/preset';
 * export default { reporters: reporters(), projects: [{ preset: '@jest-perf/preset' }] };
 */
export function reporters(): Config.InitialOptions['reporters'] {
  return ['default', reporterPath()];
}
