import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { JestPerfError } from '../errors';
import { FLAKY_REPORT_VERSION, type FlakyReport, readFlakyReport, writeFlakyReport } from '../flakyReport';
import { dataPaths } from '../paths';

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-flaky-'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

function report(): FlakyReport {
  return {
    schemaVersion: FLAKY_REPORT_VERSION,
    createdAt: '2026-01-01T00:00:00.000Z',
    runs: 2,
    seeds: [-5, -4],
    jestArgs: ['--selectProjects', 'unit'],
    tests: [
      {
        id: 'a.test.ts › order',
        file: 'a.test.ts',
        passed: 1,
        failed: 1,
        skipped: 0,
        failingSeeds: [-4],
        firstFailure: 'expect(received).toBe(expected)',
        status: 'flaky',
      },
      {
        id: 'a.test.ts › adds',
        file: 'a.test.ts',
        passed: 2,
        failed: 0,
        skipped: 0,
        failingSeeds: [],
        status: 'stable',
      },
    ],
    files: [
      {
        file: 'b.test.ts',
        runs: 2,
        failedRuns: 1,
        failingSeeds: [-5],
        firstFailure: 'Cannot find module',
        status: 'flaky',
      },
    ],
    summary: {
      tests: 2,
      executions: 4,
      failedExecutions: 1,
      flakyExecutions: 1,
      flakyTests: 1,
      brokenTests: 0,
      flakeRate: 0.25,
      runsWithFailures: 2,
      filesFailedToRun: 1,
    },
  };
}

function errorOf(fn: () => unknown): JestPerfError {
  try {
    fn();
  } catch (error) {
    if (error instanceof JestPerfError) return error;
    throw error;
  }
  throw new Error('expected a JestPerfError, nothing was thrown');
}

describe('flaky report file', () => {
  it('lives at <dataDir>/flaky.json', () => {
    const paths = dataPaths({ rootDir: root, dataDir: '.perf', baselinePath: 'baseline.json' });

    expect(paths.flaky).toBe(path.join(root, '.perf', 'flaky.json'));
  });

  it('reads back what writeFlakyReport wrote, creating the folder', () => {
    const file = path.join(root, '.jest-perf', 'flaky.json');

    writeFlakyReport(file, report());

    expect(readFlakyReport(file)).toEqual(report());
    expect(fs.readdirSync(path.dirname(file))).toEqual(['flaky.json']);
  });

  it('names the file and the fix when the file is missing', () => {
    const file = path.join(root, 'flaky.json');

    const error = errorOf(() => readFlakyReport(file));

    expect(error.code).toBe('JEST_PERF_FILE_MISSING');
    expect(error.message).toContain(`Cannot read flaky report (${file})`);
    expect(error.message).toContain('Fix: run `npx jest-perf flaky` again');
  });

  it('says a half-written file is corrupt', () => {
    const file = path.join(root, 'flaky.json');
    fs.writeFileSync(file, '{"schemaVersion": 1, "tests": [');

    const error = errorOf(() => readFlakyReport(file));

    expect(error.code).toBe('JEST_PERF_FILE_CORRUPT');
    expect(error.message).toContain('flaky report is not valid JSON');
  });

  it.each([
    ['a status it does not know', { tests: [{ ...report().tests[1], status: 'sometimes' }] }, 'field /tests/0/status'],
    [
      'a flake rate above 1',
      { summary: { ...report().summary, flakeRate: 25 } },
      'field /summary/flakeRate must be <= 1',
    ],
    ['a fractional seed', { seeds: [1.5] }, 'field /seeds/0 must be integer'],
    ['no file list', { files: undefined }, "must have required property 'files'"],
  ])('refuses %s, naming the field', (_case, change, message) => {
    const file = path.join(root, 'flaky.json');
    fs.writeFileSync(file, JSON.stringify({ ...report(), ...change }));

    const error = errorOf(() => readFlakyReport(file));

    expect(error.code).toBe('JEST_PERF_FILE_INVALID');
    expect(error.message).toContain('Invalid flaky report');
    expect(error.message).toContain(message);
  });

  it('refuses a newer format version with an upgrade hint', () => {
    const file = path.join(root, 'flaky.json');
    fs.writeFileSync(file, JSON.stringify({ ...report(), schemaVersion: 2 }));

    const error = errorOf(() => readFlakyReport(file));

    expect(error.code).toBe('JEST_PERF_VERSION_UNSUPPORTED');
  });
});
