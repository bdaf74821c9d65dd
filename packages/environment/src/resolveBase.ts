import type { EnvironmentContext, JestEnvironment, JestEnvironmentConfig } from '@jest/environment';
import { installDevCommand } from '@jest-perf/core/command';
import { resolveFromProject } from '@jest-perf/core/jest-module';

export type EnvironmentClass = new (config: JestEnvironmentConfig, context: EnvironmentContext) => JestEnvironment;

/** `testEnvironmentOptions.jestPerf`: what the user sets beside `testEnvironment: '@jest-perf/environment'`. */
export interface JestPerfEnvironmentOptions {
  /** The environment to wrap: `node` (default), `jsdom`, a package name or a path from `rootDir`. */
  base?: string;
}

/** The base environment's module request, as Jest would resolve `testEnvironment: base`. */
function candidates(base: string): string[] {
  if (base.startsWith('.') || base.startsWith('/')) return [base];
  // Jest tries `jest-environment-<name>` before `<name>` (testEnvironment: 'node' is jest-environment-node).
  return base.startsWith('jest-environment-') || base.startsWith('@') ? [base] : [`jest-environment-${base}`, base];
}

function fail(message: string, fix: string, cause?: unknown): never {
  throw new Error(`@jest-perf/environment: ${message}. Fix: ${fix}`, cause === undefined ? undefined : { cause });
}

/** Reads `testEnvironmentOptions.jestPerf.base`, checking its type. */
export function baseOption(options: unknown, fallback: string): string {
  const jestPerf = (options as { jestPerf?: unknown } | undefined)?.jestPerf;
  if (jestPerf === undefined) return fallback;
  const base = (jestPerf as JestPerfEnvironmentOptions | null)?.base;
  if (base === undefined) return fallback;
  if (typeof base !== 'string' || base.trim() === '' || base.startsWith('@jest-perf/environment')) {
    fail(
      `testEnvironmentOptions.jestPerf.base must name the environment to wrap, got ${JSON.stringify(base)}`,
      "testEnvironmentOptions: { jestPerf: { base: 'node' } } (or 'jsdom', a package, or a path from rootDir)",
    );
  }
  return base;
}

/** Loads the base environment class from the project (then from its Jest), whichever Jest major it is. */
export function loadBaseEnvironment(option: string, rootDir: string): { file: string; Base: EnvironmentClass } {
  // A testEnvironment moved here by withJestPerf may hold `<rootDir>`, which Jest replaces only in testEnvironment.
  const base = option.replace(/^<rootDir>/, rootDir);
  let file: string | undefined;
  for (const request of candidates(base)) {
    file = resolveFromProject(request, rootDir);
    if (file !== undefined) break;
  }
  if (!file) {
    const pkg = candidates(base)[0] as string;
    fail(
      `cannot find the base environment ${JSON.stringify(base)} from ${rootDir}`,
      pkg.startsWith('.') || pkg.startsWith('/')
        ? 'check the path (relative to rootDir)'
        : installDevCommand(rootDir, pkg),
    );
  }
  let loaded: unknown;
  try {
    loaded = require(file);
  } catch (cause) {
    fail(`cannot load the base environment ${JSON.stringify(base)} (${file})`, 'see the cause below', cause);
  }
  const module = loaded as { default?: unknown; TestEnvironment?: unknown };
  const Base = [module.default, module.TestEnvironment, loaded].find((value) => typeof value === 'function');
  if (!Base) fail(`${file} exports no environment class`, 'export the class as module.exports or default');
  return { file, Base: Base as EnvironmentClass };
}
