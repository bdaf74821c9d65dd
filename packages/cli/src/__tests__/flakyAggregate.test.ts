import * as path from 'node:path';
import { type FlakyReport, flakyReportSchema, validateWith } from '@jest-perf/core';
import { aggregateFlaky, classify, hasFailures } from '../jest/flaky/aggregate';
import { firstLine, parseJestResults } from '../jest/flaky/jestResults';
import { isSeed, MAX_SEED, MIN_SEED, randomSeed, seedsFrom } from '../jest/flaky/seeds';
import { jestJson, outcome } from './helpers/flakyJest';

const root = path.resolve('/repo');
const createdAt = new Date('2026-03-01T10:00:00.000Z');

describe('seeds', () => {
  it('counts up from the first seed', () => {
    expect(seedsFrom(41, 3)).toEqual([41, 42, 43]);
  });

  it("wraps around inside Jest's signed 32-bit seed range", () => {
    expect(seedsFrom(MAX_SEED - 1, 4)).toEqual([MAX_SEED - 1, MAX_SEED, MIN_SEED, MIN_SEED + 1]);
    expect(seedsFrom(MIN_SEED, 2)).toEqual([MIN_SEED, MIN_SEED + 1]);
  });

  it('draws a random first seed over the whole range', () => {
    expect(randomSeed(() => 0)).toBe(MIN_SEED);
    expect(randomSeed(() => 0.999_999_999_9)).toBe(MAX_SEED);
    expect(isSeed(randomSeed())).toBe(true);
  });

  it.each([
    [0, true],
    [MIN_SEED - 1, false],
    [MAX_SEED + 1, false],
    [1.5, false],
  ])('isSeed(%p) is %p', (value, expected) => {
    expect(isSeed(value)).toBe(expected);
  });
});

describe('firstLine', () => {
  it('skips the "●" header and colours of a file that failed to run', () => {
    const message =
      "  ● Test suite failed to run\n\n    \u001b[1mCannot find module './nope'\u001b[22m from 'a.test.js'\n";

    expect(firstLine(message)).toBe("Cannot find module './nope' from 'a.test.js'");
  });

  it('shortens a very long line and says so when there is no message', () => {
    expect(firstLine('x'.repeat(500))).toHaveLength(200);
    expect(firstLine('x'.repeat(500)).endsWith('…')).toBe(true);
    expect(firstLine('\n  \n')).toBe('failed without a message');
  });
});

describe('parseJestResults', () => {
  it('gives each assertion the run-file id and maps pending/todo/disabled to skipped', () => {
    const json = jestJson([
      {
        name: path.join(root, 'src', 'a.test.ts'),
        tests: [
          [['Orders', 'totals'], 'sums lines @slow', 'passed'],
          [['Orders'], 'rounds', 'failed', 'Error: expected 2\n    at a.test.ts:3'],
          [[], 'later', 'pending'],
          [[], 'someday', 'todo'],
          [[], 'off', 'disabled'],
        ],
      },
    ]);

    const run = parseJestResults(json, root, 7);

    expect(run).toEqual({
      seed: 7,
      tests: [
        { id: 'src/a.test.ts › Orders › totals › sums lines', file: 'src/a.test.ts', status: 'passed' },
        {
          id: 'src/a.test.ts › Orders › rounds',
          file: 'src/a.test.ts',
          status: 'failed',
          failure: 'Error: expected 2',
        },
        { id: 'src/a.test.ts › later', file: 'src/a.test.ts', status: 'skipped' },
        { id: 'src/a.test.ts › someday', file: 'src/a.test.ts', status: 'skipped' },
        { id: 'src/a.test.ts › off', file: 'src/a.test.ts', status: 'skipped' },
      ],
      files: [{ file: 'src/a.test.ts' }],
    });
  });

  it('marks a failed file without a failed test as failed to run, with its message', () => {
    const json = jestJson([
      {
        name: path.join(root, 'b.test.ts'),
        status: 'failed',
        message: '  ● Test suite failed to run\n\n  SyntaxError',
        tests: [],
      },
      {
        name: path.join(root, 'c.test.ts'),
        status: 'failed',
        message: '  ● afterAll\n\n  hook threw',
        tests: [[[], 'ok', 'passed']],
      },
    ]);

    expect(parseJestResults(json, root, 1).files).toEqual([
      { file: 'b.test.ts', failure: 'SyntaxError' },
      { file: 'c.test.ts', failure: 'hook threw' },
    ]);
  });

  it('accepts null failureMessages (older Jest) as an unexplained failure', () => {
    const json = {
      testResults: [
        {
          name: path.join(root, 'a.test.ts'),
          status: 'failed',
          assertionResults: [{ ancestorTitles: [], title: 't', status: 'failed', failureMessages: null }],
        },
      ],
    };

    expect(parseJestResults(json, root, 1).tests[0]?.failure).toBe('failed without a message');
  });

  it('refuses output without the fields it reads, naming the field', () => {
    const json = { testResults: [{ name: '/repo/a.test.ts', status: 'passed', assertionResults: [{ title: 't' }] }] };

    expect(() => parseJestResults(json, root, 1)).toThrow(
      "Invalid Jest's --json output: field /testResults/0/assertionResults/0 must have required property 'ancestorTitles'",
    );
    expect(() => parseJestResults('No tests found', root, 1)).toThrow('field (root) must be object');
  });
});

describe('classify', () => {
  it.each([
    [3, 0, 'stable'],
    [0, 0, 'stable'],
    [2, 1, 'flaky'],
    [0, 2, 'broken'],
  ])('passed %p, failed %p is %p', (passed, failed, status) => {
    expect(classify(passed, failed)).toBe(status);
  });
});

describe('aggregateFlaky', () => {
  it('counts per test, keeps each failing seed and the first failure, flaky first', () => {
    const runs = [
      outcome(10, { order: 'passed', steady: 'passed', broken: 'failed', later: 'skipped' }),
      outcome(11, { order: 'failed', steady: 'passed', broken: 'failed', later: 'skipped' }),
      outcome(12, { order: 'failed', steady: 'passed', broken: 'failed', later: 'skipped' }),
      outcome(13, { order: 'passed', steady: 'passed', broken: 'failed', later: 'skipped' }),
    ];

    const report = aggregateFlaky(runs, { jestArgs: ['src'], createdAt });

    expect(report.tests).toEqual([
      {
        id: 'a.test.ts › order',
        file: 'a.test.ts',
        passed: 2,
        failed: 2,
        skipped: 0,
        failingSeeds: [11, 12],
        firstFailure: 'order failed with seed 11',
        status: 'flaky',
      },
      {
        id: 'a.test.ts › broken',
        file: 'a.test.ts',
        passed: 0,
        failed: 4,
        skipped: 0,
        failingSeeds: [10, 11, 12, 13],
        firstFailure: 'broken failed with seed 10',
        status: 'broken',
      },
      {
        id: 'a.test.ts › later',
        file: 'a.test.ts',
        passed: 0,
        failed: 0,
        skipped: 4,
        failingSeeds: [],
        status: 'stable',
      },
      {
        id: 'a.test.ts › steady',
        file: 'a.test.ts',
        passed: 4,
        failed: 0,
        skipped: 0,
        failingSeeds: [],
        status: 'stable',
      },
    ]);
    expect(report.seeds).toEqual([10, 11, 12, 13]);
    expect(report.runs).toBe(4);
    expect(report.createdAt).toBe('2026-03-01T10:00:00.000Z');
    expect(report.jestArgs).toEqual(['src']);
  });

  it('counts only the failures of flaky tests in the flake rate', () => {
    const runs = [
      outcome(1, { order: 'passed', steady: 'passed', broken: 'failed', later: 'skipped' }),
      outcome(2, { order: 'failed', steady: 'passed', broken: 'failed', later: 'skipped' }),
    ];

    const { summary } = aggregateFlaky(runs, { jestArgs: [], createdAt });

    // 6 executions (3 tests × 2 runs, skips excluded); 3 failed, 1 of them a flake.
    expect(summary).toEqual({
      tests: 4,
      executions: 6,
      failedExecutions: 3,
      flakyExecutions: 1,
      flakyTests: 1,
      brokenTests: 1,
      flakeRate: 1 / 6,
      runsWithFailures: 2,
      filesFailedToRun: 0,
    });
  });

  it('orders flaky tests by failures, then by id', () => {
    const runs = [
      outcome(1, { b: 'failed', a: 'failed', c: 'passed' }),
      outcome(2, { b: 'failed', a: 'passed', c: 'failed' }),
      outcome(3, { b: 'passed', a: 'passed', c: 'passed' }),
    ];

    expect(aggregateFlaky(runs, { jestArgs: [] }).tests.map((t) => t.id)).toEqual([
      'a.test.ts › b',
      'a.test.ts › a',
      'a.test.ts › c',
    ]);
  });

  it('counts files that failed to run apart from the tests, flaky when they ran in other runs', () => {
    const run = (seed: number, bFailure?: string) => ({
      ...outcome(seed, { t: 'passed' }),
      files: [
        { file: 'a.test.ts' },
        bFailure === undefined ? { file: 'b.test.ts' } : { file: 'b.test.ts', failure: bFailure },
        { file: 'c.test.ts', failure: `SyntaxError ${seed}` },
      ],
    });

    const report = aggregateFlaky([run(1), run(2, 'port in use'), run(3)], { jestArgs: [], createdAt });

    expect(report.files).toEqual([
      { file: 'b.test.ts', runs: 3, failedRuns: 1, failingSeeds: [2], firstFailure: 'port in use', status: 'flaky' },
      {
        file: 'c.test.ts',
        runs: 3,
        failedRuns: 3,
        failingSeeds: [1, 2, 3],
        firstFailure: 'SyntaxError 1',
        status: 'broken',
      },
    ]);
    expect(report.summary.filesFailedToRun).toBe(2);
    expect(report.summary.runsWithFailures).toBe(3);
    expect(report.summary.flakeRate).toBe(0);
    expect(hasFailures(report)).toBe(true);
  });

  it('orders files that failed equally often by path', () => {
    const run = (seed: number) => ({
      ...outcome(seed, { t: 'passed' }),
      files: [
        { file: 'z.test.ts', failure: 'boom' },
        { file: 'm.test.ts', failure: 'boom' },
      ],
    });

    expect(aggregateFlaky([run(1), run(2)], { jestArgs: [] }).files.map((f) => f.file)).toEqual([
      'm.test.ts',
      'z.test.ts',
    ]);
  });

  it('reports a rate of 0 and no failures when nothing failed or nothing ran', () => {
    const clean = aggregateFlaky([outcome(1, { t: 'passed' }), outcome(2, { t: 'passed' })], { jestArgs: [] });
    const empty = aggregateFlaky([outcome(1, { t: 'skipped' })], { jestArgs: [] });

    expect(clean.summary.flakeRate).toBe(0);
    expect(clean.summary.runsWithFailures).toBe(0);
    expect(hasFailures(clean)).toBe(false);
    expect(empty.summary.executions).toBe(0);
    expect(empty.summary.flakeRate).toBe(0);
  });

  it('produces a report that matches the core schema', () => {
    const report = aggregateFlaky([outcome(1, { a: 'failed' }), outcome(2, { a: 'passed' })], { jestArgs: [] });
    const valid = validateWith<FlakyReport>(flakyReportSchema, JSON.parse(JSON.stringify(report)), {
      what: 'flaky report',
      fix: 'none',
    });

    expect(valid.summary.flakeRate).toBe(0.5);
  });
});
