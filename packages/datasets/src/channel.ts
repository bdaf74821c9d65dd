/**
 * The part of `globalThis.__JEST_PERF__` (installed by `@jest-perf/environment`) this package uses.
 * Declared here, not imported, so the package works (without counters or sharing) under any environment.
 */
export interface PerfChannelLike {
  count?: (group: string, name: string, delta?: number) => void;
  workerStore?: Map<string, unknown>;
}

/** The channel of the current test file, or undefined outside the jest-perf environment. */
export function perfChannel(): PerfChannelLike | undefined {
  const channel = (globalThis as { __JEST_PERF__?: unknown }).__JEST_PERF__;
  return typeof channel === 'object' && channel !== null ? (channel as PerfChannelLike) : undefined;
}

/** Adds to a counter of the jest-perf report; a no-op outside the jest-perf environment. */
export function count(group: string, name: string, delta = 1): void {
  perfChannel()?.count?.(group, name, delta);
}

/** The worker-lifetime store, or undefined outside the jest-perf environment. */
export function workerStore(): Map<string, unknown> | undefined {
  const store = perfChannel()?.workerStore;
  // A Map from the environment's realm: check the shape, `instanceof Map` would be false here.
  return store && typeof store.get === 'function' && typeof store.set === 'function' ? store : undefined;
}
