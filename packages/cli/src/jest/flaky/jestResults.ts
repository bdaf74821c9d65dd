import * as path from 'node:path';
import { makeTestId, relativePosix, validateWith } from '@jest-perf/core';

/** The parts of Jest's `--json` output that `jest-perf flaky` reads; everything else may vary. */
export interface JestJson {
  testResults: Array<{
    name: string;
    status: string;
    message?: string;
    assertionResults: Array<{
      ancestorTitles: string[];
      title: string;
      status: string;
      failureMessages?: string[] | null;
    }>;
  }>;
}

/** ajv schema of {@link JestJson}: extra fields are allowed, the ones we use must be right. */
export const jestJsonSchema = {
  $id: 'jest-perf/jest-json-output',
  type: 'object',
  required: ['testResults'],
  properties: {
    testResults: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'status', 'assertionResults'],
        properties: {
          name: { type: 'string', minLength: 1 },
          status: { type: 'string' },
          message: { type: 'string' },
          assertionResults: {
            type: 'array',
            items: {
              type: 'object',
              required: ['ancestorTitles', 'title', 'status'],
              properties: {
                ancestorTitles: { type: 'array', items: { type: 'string' } },
                title: { type: 'string' },
                status: { type: 'string' },
                failureMessages: { type: ['array', 'null'], items: { type: 'string' } },
              },
            },
          },
        },
      },
    },
  },
} as const;

export type OutcomeStatus = 'passed' | 'failed' | 'skipped';

export interface TestOutcome {
  id: string;
  file: string;
  status: OutcomeStatus;
  /** First line of the failure message (failed tests only). */
  failure?: string;
}

export interface FileOutcome {
  file: string;
  /** Set when the file failed outside its tests: it did not load, or a hook outside the tests threw. */
  failure?: string;
}

/** One randomized run, reduced to what the aggregation needs. */
export interface RunOutcome {
  seed: number;
  tests: TestOutcome[];
  files: FileOutcome[];
}

// Jest colours failure messages even under --ci when the terminal supports it.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching ANSI escape sequences is the point
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;
const MAX_LINE = 200;

/** The first line of a Jest message that says something (not a `● Test suite failed to run` header). */
export function firstLine(message: string): string {
  const line =
    message
      .replace(ANSI, '')
      .split('\n')
      .map((text) => text.trim())
      .find((text) => text !== '' && !text.startsWith('●')) ?? 'failed without a message';
  return line.length > MAX_LINE ? `${line.slice(0, MAX_LINE - 1)}…` : line;
}

function statusOf(status: string): OutcomeStatus {
  if (status === 'passed' || status === 'failed') return status;
  // pending, skipped, todo, disabled: the test did not run.
  return 'skipped';
}

/**
 * Validates Jest's `--json` output and turns it into a {@link RunOutcome}; test ids are the run
 * files' ids (`makeTestId` on the root-relative POSIX path).
 * @throws JestPerfError when the output lacks a field this reads.
 */
export function parseJestResults(value: unknown, rootDir: string, seed: number): RunOutcome {
  const json = validateWith<JestJson>(jestJsonSchema, value, {
    what: "Jest's --json output",
    code: 'JEST_PERF_NO_RUN_DATA',
    fix: 'use a Jest version whose --json output has testResults[].assertionResults (Jest 27 or newer)',
  });
  const tests: TestOutcome[] = [];
  const files: FileOutcome[] = [];
  for (const result of json.testResults) {
    const file = relativePosix(rootDir, path.resolve(rootDir, result.name));
    let anyTestFailed = false;
    for (const assertion of result.assertionResults) {
      const status = statusOf(assertion.status);
      const outcome: TestOutcome = { id: makeTestId(file, assertion.ancestorTitles, assertion.title), file, status };
      if (status === 'failed') {
        anyTestFailed = true;
        outcome.failure = firstLine((assertion.failureMessages ?? []).join('\n'));
      }
      tests.push(outcome);
    }
    // A failed file without a failed test failed around its tests; its message says why.
    const failedOutside = result.status === 'failed' && !anyTestFailed;
    files.push(failedOutside ? { file, failure: firstLine(result.message ?? '') } : { file });
  }
  return { seed, tests, files };
}
