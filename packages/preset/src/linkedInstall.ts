import * as path from 'node:path';

/** Jest's own `transformIgnorePatterns` when a config sets none (the same in Jest 29 and 30). */
export const JEST_DEFAULT_TRANSFORM_IGNORE_PATTERNS: readonly string[] = ['/node_modules/', '\\.pnp\\.[^\\/]+$'];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A `transformIgnorePatterns` entry for the folder of jest-perf's environment when jest-perf is linked from
 * outside any `node_modules` (a workspace package, `npm link`), else null. Jest runs the file it loads as the
 * test environment through the project's transform unless an ignore pattern matches its real path; installed
 * under `node_modules`, Jest's default patterns skip it. Linked, babel-jest would transform the environment
 * in every worker: 1.3 s once, then about 35 ms a worker from Jest's cache (measured: docs/benchmarks.md).
 * Written with `/` like any Jest pattern (Jest adapts them to Windows paths).
 * @param environmentFile the real path of the environment entry the config names
 */
export function linkedEnvironmentPattern(environmentFile: string): string | null {
  const folder = path.dirname(environmentFile).split(path.sep).join('/');
  if (`${folder}/`.includes('/node_modules/')) return null;
  return `^${escapeRegExp(folder)}/`;
}

/**
 * `patterns` (Jest's default when unset) with {@link linkedEnvironmentPattern} added once, or unchanged
 * (undefined stays undefined) when jest-perf is installed under `node_modules`.
 */
export function withLinkedEnvironmentIgnored(
  patterns: string[] | undefined,
  environmentFile: string,
): string[] | undefined {
  const ours = linkedEnvironmentPattern(environmentFile);
  if (ours === null) return patterns;
  const own = patterns ?? [...JEST_DEFAULT_TRANSFORM_IGNORE_PATTERNS];
  return own.includes(ours) ? own : [...own, ours];
}
