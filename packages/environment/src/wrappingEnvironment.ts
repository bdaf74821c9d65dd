import type { EnvironmentContext, JestEnvironmentConfig } from '@jest/environment';
import { baseOption, type EnvironmentClass, loadBaseEnvironment } from './resolveBase';
import { withPerfTracking } from './withPerfTracking';

/** One tracked class per base environment file, per worker process (Jest builds an environment per test file). */
const wrapped = new Map<string, EnvironmentClass>();
/**
 * The tracked class of each base a project names (`rootDir` + base), per worker: resolving a base walks
 * node_modules folders and Jest's loaded modules, ~1 ms that every test file would otherwise pay again.
 */
const byBase = new Map<string, EnvironmentClass>();

function trackedClass(base: string, rootDir: string): EnvironmentClass {
  const key = `${rootDir}\0${base}`;
  let Tracked = byBase.get(key);
  if (!Tracked) {
    const { file, Base } = loadBaseEnvironment(base, rootDir);
    Tracked = wrapped.get(file) ?? withPerfTracking(Base);
    wrapped.set(file, Tracked);
    byBase.set(key, Tracked);
  }
  return Tracked;
}

/** The config the base environment sees: the same, without jest-perf's own `jestPerf` options. */
function withoutJestPerfOptions(config: JestEnvironmentConfig): JestEnvironmentConfig {
  const options = config.projectConfig?.testEnvironmentOptions as Record<string, unknown> | undefined;
  if (!options || !('jestPerf' in options)) return config;
  const { jestPerf: _ours, ...rest } = options;
  return { ...config, projectConfig: { ...config.projectConfig, testEnvironmentOptions: rest } };
}

/**
 * An environment "class" that wraps, with jest-perf's tracking, the environment the project names in
 * `testEnvironmentOptions.jestPerf.base` (else, or when `fixed`, `defaultBase`), resolved from the project's `rootDir` like
 * Jest resolves `testEnvironment`. The base is known only once Jest passes the config, so this is a
 * constructor that returns an instance of the tracked base class: the user's own Jest 29 or 30 classes.
 */
export function wrappingEnvironment(defaultBase: string, options: { fixed?: boolean } = {}): EnvironmentClass {
  function JestPerfEnvironment(config: JestEnvironmentConfig, context: EnvironmentContext): object {
    const projectConfig = config.projectConfig as Partial<JestEnvironmentConfig['projectConfig']> | undefined;
    // A fixed entry (`/node`, `/jsdom`) is named for its base: a `@jest-environment` docblock picks it in a
    // project whose config names another base (withJestPerf's jestPerf.base), and the docblock must win.
    const base = options.fixed ? defaultBase : baseOption(projectConfig?.testEnvironmentOptions, defaultBase);
    const Tracked = trackedClass(base, projectConfig?.rootDir ?? process.cwd());
    // `new` on a function that returns an object yields that object: Jest gets the tracked base's instance.
    return new Tracked(withoutJestPerfOptions(config), context);
  }
  return JestPerfEnvironment as unknown as EnvironmentClass;
}
