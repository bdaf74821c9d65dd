import { COUNTER_GROUPS, countOnChannel, channelWorkerStore as workerStore } from '@jest-perf/core/channel';
import { type DeepReadonly, deepFreeze } from './deepFreeze';
import { fixtureScope } from './fixtureScope';

/** Prefix of this package's keys in the shared worker store. */
const KEY_PREFIX = '@jest-perf/datasets:workerFixture:';

/** Used without the jest-perf environment: module state, so one test file only. */
let fileStore: Map<string, unknown> | undefined;
let warned = false;

function storeForThisWorker(name: string): Map<string, unknown> {
  const shared = workerStore();
  if (shared) return shared;
  if (!warned) {
    warned = true;
    process.stderr.write(
      `jest-perf: workerFixture('${name}') cannot share values between test files: globalThis.__JEST_PERF__.workerStore ` +
        'is missing (the test environment is not @jest-perf/environment), so each test file builds its own copy. ' +
        "Use preset '@jest-perf/preset' or wrap your environment with withPerfTracking.\n",
    );
  }
  return (fileStore ??= new Map());
}

/**
 * Builds a value once per Jest worker process and shares it, deep-frozen, with every later test file
 * of that worker: Jest's "session scope". Concurrent first calls share one build; a failed build is
 * not kept, so the next call builds again. The name is the identity: the first build of a name wins.
 * With `JEST_PERF_PER_TEST_FIXTURES=1` nothing is shared: every call builds (and freezes) its own value,
 * so the rollback switch of `beforeAllShared` undoes worker scope too.
 * @throws {TypeError} when `name` is empty or `build` is not a function.
 * @example
 * const patients = await workerFixture('patients', () => loadPatients());
 */
export function workerFixture<T>(name: string, build: () => T | Promise<T>): Promise<DeepReadonly<T>> {
  if (typeof name !== 'string' || name === '') throw new TypeError('workerFixture needs a non-empty name');
  if (typeof build !== 'function') throw new TypeError(`workerFixture('${name}') needs a build function`);
  const store = fixtureScope() === 'per-test' ? new Map<string, unknown>() : storeForThisWorker(name);
  const key = `${KEY_PREFIX}${name}`;
  const existing = store.get(key) as Promise<DeepReadonly<T>> | undefined;
  if (existing) {
    countOnChannel(COUNTER_GROUPS.workerFixtures, 'hits');
    return existing;
  }
  const started = performance.now();
  const promise: Promise<DeepReadonly<T>> = Promise.resolve()
    .then(build)
    .then(deepFreeze)
    .finally(() => {
      countOnChannel(COUNTER_GROUPS.workerFixtures, 'builds');
      countOnChannel(COUNTER_GROUPS.workerFixtures, 'buildMs', Math.round((performance.now() - started) * 10) / 10);
    })
    .catch((error: unknown) => {
      if (store.get(key) === promise) store.delete(key);
      throw error;
    });
  store.set(key, promise);
  return promise;
}
