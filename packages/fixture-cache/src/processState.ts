import { channelWorkerStore } from '@jest-perf/core/channel';
import { CACHE_VERSION } from './key';

const moduleStore = new Map<string, unknown>();

/**
 * A value that lives for the whole process. Under Jest, module state is rebuilt for every test
 * file, so the memory layer and the stats live in the environment's worker store when there is one;
 * elsewhere a module-level map does.
 */
export function processState<T>(name: string, create: () => T): T {
  const store = channelWorkerStore() ?? moduleStore;
  const id = `@jest-perf/fixture-cache@${CACHE_VERSION}:${name}`;
  let value = store.get(id) as T | undefined;
  if (value === undefined) {
    value = create();
    store.set(id, value);
  }
  return value;
}
