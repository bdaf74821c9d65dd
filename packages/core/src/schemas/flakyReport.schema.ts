import { count, isoDate } from './common';

const seeds = { type: 'array', items: { type: 'integer' } } as const;
const status = { enum: ['flaky', 'broken', 'stable'] } as const;
const fraction = { type: 'number', minimum: 0, maximum: 1 } as const;

const testSchema = {
  type: 'object',
  required: ['id', 'file', 'passed', 'failed', 'skipped', 'failingSeeds', 'status'],
  properties: {
    id: { type: 'string', minLength: 1 },
    file: { type: 'string', minLength: 1 },
    passed: count,
    failed: count,
    skipped: count,
    failingSeeds: seeds,
    firstFailure: { type: 'string' },
    status,
  },
} as const;

const fileSchema = {
  type: 'object',
  required: ['file', 'runs', 'failedRuns', 'failingSeeds', 'firstFailure', 'status'],
  properties: {
    file: { type: 'string', minLength: 1 },
    runs: count,
    failedRuns: count,
    failingSeeds: seeds,
    firstFailure: { type: 'string' },
    status,
  },
} as const;

/** JSON schema of {@link FlakyReport}. */
export const flakyReportSchema = {
  $id: 'jest-perf/flaky-report',
  type: 'object',
  required: ['schemaVersion', 'createdAt', 'runs', 'seeds', 'jestArgs', 'tests', 'files', 'summary'],
  properties: {
    schemaVersion: { const: 1 },
    createdAt: isoDate,
    runs: { ...count, minimum: 1 },
    seeds,
    jestArgs: { type: 'array', items: { type: 'string' } },
    tests: { type: 'array', items: testSchema },
    files: { type: 'array', items: fileSchema },
    summary: {
      type: 'object',
      required: [
        'tests',
        'executions',
        'failedExecutions',
        'flakyExecutions',
        'flakyTests',
        'brokenTests',
        'flakeRate',
        'runsWithFailures',
        'filesFailedToRun',
      ],
      properties: {
        tests: count,
        executions: count,
        failedExecutions: count,
        flakyExecutions: count,
        flakyTests: count,
        brokenTests: count,
        flakeRate: fraction,
        runsWithFailures: count,
        filesFailedToRun: count,
      },
    },
  },
} as const;
