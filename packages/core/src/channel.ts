/**
 * The one channel between the fix-side libraries (llm-mock, fixture-cache, datasets) and the measure
 * side: `@jest-perf/environment` installs it as `globalThis.__JEST_PERF__` in each test file's scope, a
 * library reports counters through it, the run file sums them under `counters.<group>.<name>`.
 * This module loads nothing else (entry `@jest-perf/core/channel`): it runs inside every test file.
 */

/** The global the environment installs the channel on. */
export const PERF_CHANNEL_GLOBAL = '__JEST_PERF__';

/** The counter group of each jest-perf library: the run file's `counters.<group>`. */
export const COUNTER_GROUPS = {
  llmMock: 'llmMock',
  fixtureCache: 'fixtureCache',
  datasets: 'datasets',
  workerFixtures: 'workerFixtures',
} as const;

/** A counter group of jest-perf's own libraries. */
export type CounterGroup = (typeof COUNTER_GROUPS)[keyof typeof COUNTER_GROUPS];

/** What test code sees as `globalThis.__JEST_PERF__`. */
export interface PerfChannel {
  /** Adds `delta` (default 1) to `counters.<group>.<name>`; a no-op while tracking is off. Groups of your own are welcome. */
  count(group: CounterGroup | (string & {}), name: string, delta?: number): void;
  /**
   * Values kept for the life of this Jest worker process: Jest builds a new module registry per test
   * file, but the environment's module is loaded once per worker, so the map outlives each file.
   */
  workerStore: Map<string, unknown>;
}

/**
 * The channel of the current test file, looked up on each use (tests swap it), or undefined outside
 * the jest-perf environment. Callers check each part's shape: a library keeps working (without
 * counters or sharing) under any other environment, or an older one.
 */
function currentChannel(): Partial<PerfChannel> | undefined {
  const channel = (globalThis as Record<string, unknown>)[PERF_CHANNEL_GLOBAL];
  return typeof channel === 'object' && channel !== null ? (channel as Partial<PerfChannel>) : undefined;
}

/** Adds to a counter of the run report; a no-op outside the jest-perf environment. */
export function countOnChannel(group: CounterGroup, name: string, delta = 1): void {
  const channel = currentChannel();
  if (typeof channel?.count === 'function') channel.count(group, name, delta);
}

/** The worker-lifetime store, or undefined outside the jest-perf environment. */
export function channelWorkerStore(): Map<string, unknown> | undefined {
  const store = currentChannel()?.workerStore;
  // A Map from the environment's realm: check the shape, `instanceof Map` would be false here.
  return typeof store?.get === 'function' && typeof store.set === 'function' ? store : undefined;
}
