import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { JestPerfError } from '@jest-perf/core';
import { BASELINE_FIX, readBaseline, writeBaseline } from '../baselineStore';
import { buildBaseline } from '../buildBaseline';
import { makeRuns } from './helpers/runs';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-regression-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const config = { thresholds: { test: 0.2, suite: 0.15, minAbsoluteMs: 25 }, slowTestMs: 30_000 };

describe('readBaseline', () => {
  it('tells the user to create a baseline when there is none', () => {
    const file = path.join(dir, 'baseline.json');
    let error: JestPerfError | undefined;
    try {
      readBaseline(file);
    } catch (caught) {
      error = caught as JestPerfError;
    }
    expect(error).toMatchObject({
      code: 'JEST_PERF_BASELINE_MISSING',
      file,
      fix: BASELINE_FIX,
    });
    expect(error?.message).toContain('Baseline not found');
    // Speaks to the user's project, not to this repository's scripts.
    expect(BASELINE_FIX).toContain('npx jest-perf baseline');
    expect(BASELINE_FIX).not.toContain('pnpm');
  });

  it('rejects a baseline that breaks the schema, naming the field', () => {
    const file = path.join(dir, 'baseline.json');
    fs.writeFileSync(file, JSON.stringify({ schemaVersion: 1 }));
    expect(() => readBaseline(file)).toThrow(
      expect.objectContaining({ code: 'JEST_PERF_FILE_INVALID' }) as JestPerfError,
    );
  });
});

describe('writeBaseline', () => {
  it('writes atomically what readBaseline reads back', () => {
    const file = path.join(dir, 'nested', 'baseline.json');
    const baseline = buildBaseline(makeRuns(3, { 'a › t': 100 }), config);
    writeBaseline(file, baseline);
    expect(readBaseline(file)).toEqual(baseline);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['baseline.json']);
  });
});

describe('readBaseline of an older format', () => {
  it('migrates a version-1 baseline and hands its one-line note to onNote', () => {
    const file = path.join(dir, 'baseline.json');
    const { overrides: _overrides, ...current } = buildBaseline(makeRuns(3, { 'a › t': 100, 'a › u': 50 }), config);
    const tests = Object.fromEntries(
      Object.entries(current.tests).map(([id, test]) => [id, { ...test, threshold: id === 'a › u' ? 0.6 : 0.2 }]),
    );
    const suites = Object.fromEntries(Object.entries(current.suites).map(([k, s]) => [k, { ...s, threshold: 0.15 }]));
    fs.writeFileSync(
      file,
      JSON.stringify({ ...current, schemaVersion: 1, thresholds: config.thresholds, tests, suites }),
    );
    const notes: string[] = [];
    const baseline = readBaseline(file, { onNote: (note) => notes.push(note) });
    expect(baseline.overrides).toEqual({ tests: { 'a › u': 0.6 }, files: {} });
    expect(notes).toEqual([expect.stringContaining('npx jest-perf baseline --migrate')]);
  });
});
