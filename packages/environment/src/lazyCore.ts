let core: typeof import('@jest-perf/core') | undefined;

/**
 * `@jest-perf/core`, loaded on first use. Every Jest worker loads this environment, and with tracking
 * off and no tag filter it needs nothing from core: loading it would cost each worker ~10-15 ms.
 */
export function lazyCore(): typeof import('@jest-perf/core') {
  core ??= require('@jest-perf/core') as typeof import('@jest-perf/core');
  return core;
}
