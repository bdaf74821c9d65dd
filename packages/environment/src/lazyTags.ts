type Tags = typeof import('@jest-perf/core/tags');

let tags: Tags | undefined;

/**
 * The tag parsers of `@jest-perf/core`, loaded on first use and through the `./tags` entry only: every Jest
 * worker loads this environment, and with tracking off and no tag filter it needs nothing from core; with
 * tracking on it needs only these (core's main entry costs each worker ~10-15 ms to load).
 */
export function lazyTags(): Tags {
  tags ??= require('@jest-perf/core/tags') as Tags;
  return tags;
}
