import type { HookType, RunFile } from '@jest-perf/core';

/** Thresholds of the scope advice (issue: "beforeEach over 1 s, or shared by > 5 tests averaging > 2 s"). */
export interface ProfileOptions {
  slowEachHookMs: number;
  sharedTests: number;
  sharedAverageMs: number;
}

export const DEFAULT_PROFILE_OPTIONS: ProfileOptions = { slowEachHookMs: 1000, sharedTests: 5, sharedAverageMs: 2000 };

export interface HookProfile {
  file: string;
  type: HookType;
  describePath: string[];
  line: number | null;
  calls: number;
  totalMs: number;
  averageMs: number;
  maxMs: number;
  /** Why this hook should move to a wider scope, or null when it is fine where it is. */
  advice: string | null;
}

function adviceFor(type: HookType, calls: number, averageMs: number, options: ProfileOptions): string | null {
  if (type !== 'beforeEach' && type !== 'afterEach') return null;
  const shared = calls > options.sharedTests && averageMs > options.sharedAverageMs;
  if (!shared && averageMs <= options.slowEachHookMs) return null;
  const reason = shared
    ? `runs for ${calls} tests at ${(averageMs / 1000).toFixed(2)} s each`
    : `takes ${(averageMs / 1000).toFixed(2)} s per test`;
  return `${reason}: if what it builds is immutable, move it to beforeAll (file scope) or workerFixture (worker scope)`;
}

/** Every hook of the run, ranked by total cost, with scope advice from its reuse. */
export function profileFixtures(run: RunFile, options: ProfileOptions = DEFAULT_PROFILE_OPTIONS): HookProfile[] {
  const profiles: HookProfile[] = [];
  for (const file of run.files) {
    for (const hook of file.hooks) {
      const averageMs = hook.calls > 0 ? hook.totalMs / hook.calls : 0;
      profiles.push({
        file: file.path,
        type: hook.type,
        describePath: hook.describePath,
        line: hook.line ?? null,
        calls: hook.calls,
        totalMs: hook.totalMs,
        averageMs,
        maxMs: hook.maxMs,
        advice: adviceFor(hook.type, hook.calls, averageMs, options),
      });
    }
  }
  return profiles.sort((a, b) => b.totalMs - a.totalMs);
}
