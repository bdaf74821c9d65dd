import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type BaselineV1, migrateBaselineV1, readBaselineFile } from '../baselineFile';
import type { JestPerfError } from '../errors';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-baseline-file-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const stats = { median: 10, mad: 1, samples: 3, min: 9, max: 12 };

/** A version-1 baseline as jest-perf wrote it: the config's 20 % in every test, one test edited to 50 %. */
function v1(): BaselineV1 {
  return {
    schemaVersion: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    source: { runIds: ['r1'], commit: null },
    thresholds: { test: 0.2, suite: 0.15, minAbsoluteMs: 100 },
    slowTestMs: 30_000,
    slowCount: 0,
    tests: {
      'a.test.ts › plain': { file: 'a.test.ts', durationMs: 10, threshold: 0.2, stats },
      'a.test.ts › tuned': { file: 'a.test.ts', durationMs: 10, threshold: 0.5, stats },
    },
    suites: { '.': { durationMs: 20, threshold: 0.3, stats, tests: 2 } },
  };
}

function write(value: unknown): string {
  const file = path.join(dir, 'baseline.json');
  fs.writeFileSync(file, JSON.stringify(value));
  return file;
}

describe('migrateBaselineV1', () => {
  it('keeps a test threshold that differs from the global one as an override and drops the copies', () => {
    const { baseline, handSet } = migrateBaselineV1(v1());
    expect(handSet).toBe(1);
    expect(baseline.schemaVersion).toBe(2);
    expect(baseline.overrides).toEqual({ tests: { 'a.test.ts › tuned': 0.5 }, files: {} });
    expect(baseline).not.toHaveProperty('thresholds');
    expect(baseline.tests['a.test.ts › plain']).toEqual({ file: 'a.test.ts', durationMs: 10, stats });
    expect(baseline.suites['.']).toEqual({ durationMs: 20, stats, tests: 2 });
  });
});

describe('readBaselineFile', () => {
  it('reads a current baseline as it is, without a note', () => {
    const { baseline } = migrateBaselineV1(v1());
    expect(readBaselineFile(write(baseline), 'rebuild it')).toEqual({ baseline, migrated: null });
  });

  it('migrates a version-1 file in memory with a one-line note, leaving the file as it was', () => {
    const file = write(v1());
    const before = fs.readFileSync(file, 'utf8');
    const { baseline, migrated } = readBaselineFile(file, 'rebuild it');
    expect(baseline.overrides.tests).toEqual({ 'a.test.ts › tuned': 0.5 });
    expect(migrated).toBe(
      `Baseline ${file} is in format 1 (thresholds copied into every test): read as format 2, its 1 hand-set test threshold(s) kept as overrides. Save it in the new format: npx jest-perf baseline --migrate`,
    );
    expect(migrated).not.toContain('\n');
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
  });

  it('says so when a version-1 file had no hand-set threshold', () => {
    const old = v1();
    (old.tests['a.test.ts › tuned'] as { threshold: number }).threshold = 0.2;
    expect(readBaselineFile(write(old), 'rebuild it').migrated).toContain('no hand-set threshold in it');
  });

  it('validates a version-1 file against its own schema, naming the field', () => {
    const old = v1() as unknown as { tests: Record<string, { threshold?: number }> };
    delete old.tests['a.test.ts › plain']?.threshold;
    expect(() => readBaselineFile(write(old), 'rebuild it')).toThrow(
      expect.objectContaining({
        code: 'JEST_PERF_FILE_INVALID',
        message: expect.stringContaining("must have required property 'threshold'"),
      }) as JestPerfError,
    );
  });

  it('refuses a version-2 file that still carries the copied thresholds', () => {
    const { baseline } = migrateBaselineV1(v1());
    const mixed = { ...baseline, overrides: undefined, thresholds: v1().thresholds };
    expect(() => readBaselineFile(write(mixed), 'rebuild it')).toThrow(
      expect.objectContaining({ message: expect.stringContaining("required property 'overrides'") }) as JestPerfError,
    );
  });

  it('refuses a newer format, naming the version this jest-perf reads', () => {
    expect(() => readBaselineFile(write({ ...v1(), schemaVersion: 3 }), 'rebuild it')).toThrow(
      expect.objectContaining({
        code: 'JEST_PERF_VERSION_UNSUPPORTED',
        message: expect.stringContaining('baseline has schemaVersion 3, newer than this jest-perf understands (2)'),
      }) as JestPerfError,
    );
  });
});
