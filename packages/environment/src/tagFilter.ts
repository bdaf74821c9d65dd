import type { Circus } from '@jest/types';
import { type EnvSource, readEnv } from '@jest-perf/core/env';
import { describePath } from './describePath';
import { lazyTags } from './lazyTags';

/** Which tags to skip or to keep, from `JEST_PERF_SKIP_TAGS` / `JEST_PERF_ONLY_TAGS` (comma-separated). */
export interface TagFilter {
  skip: string[];
  only: string[];
}

export function tagFilterFromEnv(env: EnvSource = process.env): TagFilter | null {
  const filter = { skip: readEnv('JEST_PERF_SKIP_TAGS', env), only: readEnv('JEST_PERF_ONLY_TAGS', env) };
  return filter.skip.length > 0 || filter.only.length > 0 ? filter : null;
}

/** True when a test with these tags must not run under `filter`. */
export function isFilteredOut(tags: readonly string[], filter: TagFilter): boolean {
  if (filter.skip.some((tag) => tags.includes(tag))) return true;
  return filter.only.length > 0 && !filter.only.some((tag) => tags.includes(tag));
}

/**
 * Skips a test as it is defined (`add_test`), so a tag filter works per test, like `-t`: the skipped
 * tests show as skipped in Jest's output, and a describe block whose tests are all skipped runs none of
 * its `beforeAll`/`afterAll` hooks.
 */
export function applyTagFilter(test: Circus.TestEntry, fileTags: string[], filter: TagFilter): void {
  const tags = lazyTags().collectTags(fileTags, [...describePath(test.parent), test.name]);
  if (isFilteredOut(tags, filter)) test.mode = 'skip';
}
