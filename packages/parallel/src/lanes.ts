import * as fs from 'node:fs';
import { parsePragmaTags } from '@jest-perf/core';
import { ENV_VARS, type EnvSource, type EnvVarName, readEnv } from '@jest-perf/core/env';
import { extract, parse } from 'jest-docblock';

/**
 * The serial lane: tests tagged `serial` (a `@tags serial` docblock for a whole file, or a trailing
 * `@serial` in a test or describe title) run in band after the parallel-safe tests ran on all workers.
 */
export type Lane = 'parallel' | 'serial';

/** Where a file's tests run: only one lane, or both (a file with some serial tests). */
export type FileLane = Lane | 'both';

/** Which lane a Jest run is (read by the lane filter module). */
export const LANE_ENV = 'JEST_PERF_LANE' satisfies EnvVarName;
/** The tag that marks serial tests (default `serial`). */
export const SERIAL_TAG_ENV = 'JEST_PERF_SERIAL_TAG' satisfies EnvVarName;
export const DEFAULT_SERIAL_TAG = ENV_VARS.JEST_PERF_SERIAL_TAG.default;

/**
 * The lane of a test file from its source. A file-level tag puts every test in the serial lane; a
 * title tag anywhere in the file puts the file in both lanes (the tag filter then runs each test in
 * exactly one). The title check is textual on purpose: a false match only costs loading the file once
 * more with all its tests skipped, never a test run twice or lost.
 */
export function fileLane(source: string, tag: string = DEFAULT_SERIAL_TAG): FileLane {
  const pragmas = parse(extract(source));
  if (parsePragmaTags(pragmas.tags).includes(tag)) return 'serial';
  const titleTag = new RegExp(`@${escapeRegExp(tag)}(?![\\w-])`);
  return titleTag.test(source) ? 'both' : 'parallel';
}

/** The files of `paths` that have tests in `lane`. Unreadable files stay in the parallel lane (Jest reports them). */
export function filesInLane(
  paths: readonly string[],
  lane: Lane,
  tag: string = DEFAULT_SERIAL_TAG,
  readSource: (file: string) => string = (file) => fs.readFileSync(file, 'utf8'),
): string[] {
  return paths.filter((file) => {
    let where: FileLane;
    try {
      where = fileLane(readSource(file), tag);
    } catch {
      where = 'parallel';
    }
    return where === 'both' || where === lane;
  });
}

/** Reads `JEST_PERF_LANE`; throws on a value that is not a lane. */
export function laneFromEnv(env: EnvSource = process.env): Lane | null {
  return readEnv(LANE_ENV, env) ?? null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
