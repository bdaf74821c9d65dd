import { readEnv } from '@jest-perf/core/env';
import { DatasetError } from './errors';
import { type Availability, REQUIRE_DATASETS_ENV } from './types';

/** Anything that can say whether a dataset is available: a {@link DatasetRegistry}. */
export interface AvailabilitySource {
  availability(name: string): Availability;
}

/** Jest's `describe` as these helpers use it (injectable so a unit test can capture declarations). */
export interface DescribeGlobal {
  (title: string, fn: () => void): void;
  skip: (title: string, fn: () => void) => void;
}

/** A test body: sync, async, or returning a promise. */
export type TestFn = () => unknown;

/** Jest's `it` as {@link itWithDataset} uses it. */
export interface ItGlobal {
  (title: string, fn: TestFn, timeout?: number): void;
  skip: (title: string, fn: TestFn, timeout?: number) => void;
}

/** One dataset name or several (all must be available). */
export type DatasetNames = string | readonly string[];

function jestGlobal<G>(name: 'describe' | 'it'): G {
  const value = (globalThis as Record<string, unknown>)[name];
  if (typeof value !== 'function') {
    throw new TypeError(
      `${name}WithDataset must be called where Jest's ${name} is defined (a test file), or be given ${name}`,
    );
  }
  return value as G;
}

/** The skip title, or undefined when every dataset is available. */
function skipTitle(source: AvailabilitySource, names: DatasetNames, title: string): string | undefined {
  for (const name of typeof names === 'string' ? [names] : names) {
    const availability = source.availability(name);
    if (availability.available) continue;
    if (readEnv(REQUIRE_DATASETS_ENV)) {
      throw new DatasetError(availability.code, `Dataset "${name}" is unavailable: ${availability.reason}`, {
        fix: `make it available, or unset ${REQUIRE_DATASETS_ENV} to skip tests that need it`,
      });
    }
    return `${title} — dataset "${name}" unavailable: ${availability.reason}`;
  }
  return undefined;
}

/**
 * Declares `describe(title, fn)` when the datasets are available, and `describe.skip` with the reason
 * in its title when not. Decided at collection with the cheap availability check, because Jest
 * cannot skip from inside a running test. `JEST_PERF_REQUIRE_DATASETS=1` fails instead of skipping.
 * @throws {DatasetError} for an invalid or unknown dataset name (a typo must not skip silently).
 * @example
 * describeWithDataset(registry, 'statin', 'statin cohort', () => {
 *   it('counts users', async () => expect((await registry.getDatasetByName('statin')).rows).toBeGreaterThan(0));
 * });
 */
export function describeWithDataset(
  registry: AvailabilitySource,
  names: DatasetNames,
  title: string,
  fn: () => void,
  options: { describe?: DescribeGlobal } = {},
): void {
  const describe = options.describe ?? jestGlobal<DescribeGlobal>('describe');
  const skipped = skipTitle(registry, names, title);
  if (skipped === undefined) describe(title, fn);
  else describe.skip(skipped, fn);
}

/** {@link describeWithDataset} for one test: `it(title, fn, timeout)` or `it.skip` with the reason. */
export function itWithDataset(
  registry: AvailabilitySource,
  names: DatasetNames,
  title: string,
  fn: TestFn,
  options: { timeout?: number; it?: ItGlobal } = {},
): void {
  const it = options.it ?? jestGlobal<ItGlobal>('it');
  const skipped = skipTitle(registry, names, title);
  if (skipped === undefined) it(title, fn, options.timeout);
  else it.skip(skipped, fn, options.timeout);
}
