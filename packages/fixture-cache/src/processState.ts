import { CACHE_VERSION } from './key';

/** The narrow channel `@jest-perf/environment` installs on each test file's global (absent outside Jest). */
export interface PerfChannel {
  count(group: string, name: string, delta?: number): void;
  /** Lives as long as the Jest worker process (Jest builds a new module registry per test file). */
  workerStore?: Map<string, unknown>;
}

/** The jest-perf channel of the current test file, looked up on each use (tests swap it). */
export function perfChannel(): PerfChannel | undefined {
  return (globalThis as { __JEST_PERF__?: PerfChannel }).__JEST_PERF__;
}

const moduleStore = new Map<string, unknown>();

/**
 * A value that lives for the whole process. Under Jest, module state is rebuilt for every test
 * file, so the memory layer and the stats live in the environment's worker store when there is one;
 * elsewhere a module-level map does.
 */
export function processState<T>(name: string, create: () => T): T {
  const store = perfChannel()?.workerStore ?? moduleStore;
  const id = `@jest-perf/fixture-cache@${CACHE_VERSION}:${name}`;
  let value = store.get(id) as T | undefined;
  if (value === undefined) {
    value = create();
    store.set(id, value);
  }
  return value;
}
