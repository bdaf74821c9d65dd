import type { RunOutcome, TestOutcome } from '../../jest/flaky/jestResults';

/** A test in canned Jest output: `[ancestorTitles, title, status, failure message?]`. */
export type CannedTest = [string[], string, string, string?];

export interface CannedFile {
  /** Absolute path, as Jest reports it. */
  name: string;
  status?: string;
  message?: string;
  tests: CannedTest[];
}

/** Jest's `--json` output (the fields jest-perf reads plus a few it ignores), for canned runs. */
export function jestJson(files: CannedFile[]): object {
  return {
    numTotalTests: files.reduce((sum, f) => sum + f.tests.length, 0),
    success: files.every((f) => f.status !== 'failed'),
    testResults: files.map((f) => ({
      name: f.name,
      status: f.status ?? (f.tests.some((t) => t[2] === 'failed') ? 'failed' : 'passed'),
      message: f.message ?? '',
      startTime: 0,
      endTime: 1,
      assertionResults: f.tests.map(([ancestorTitles, title, status, failure]) => ({
        ancestorTitles,
        title,
        fullName: [...ancestorTitles, title].join(' '),
        status,
        failureMessages: failure === undefined ? [] : [failure],
      })),
    })),
  };
}

/** A run outcome of tests given as `{ id: status }`, all in `a.test.ts`. */
export function outcome(seed: number, statuses: Record<string, TestOutcome['status']>): RunOutcome {
  return {
    seed,
    tests: Object.entries(statuses).map(([title, status]) => ({
      id: `a.test.ts › ${title}`,
      file: 'a.test.ts',
      status,
      ...(status === 'failed' ? { failure: `${title} failed with seed ${seed}` } : {}),
    })),
    files: [{ file: 'a.test.ts' }],
  };
}
