import { readEnv } from '@jest-perf/core/env';
import { filesInLane, laneFromEnv, SERIAL_TAG_ENV } from './lanes';

/**
 * Jest `--filter` module of the lane runs (`jest-perf test` passes `--filter` with `JEST_PERF_LANE`):
 * keeps the files that have tests in that lane. Without `JEST_PERF_LANE` it keeps every file.
 */
async function laneFilter(testPaths: string[]): Promise<{ filtered: string[] }> {
  const lane = laneFromEnv();
  if (lane === null) return { filtered: testPaths };
  return { filtered: filesInLane(testPaths, lane, readEnv(SERIAL_TAG_ENV)) };
}

// Jest `require`s the filter module and calls its export directly.
export = laneFilter;
