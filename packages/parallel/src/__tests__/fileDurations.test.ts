import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FILE_OVERHEAD_MS, loadFileDurations } from '../fileDurations';

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-parallel-'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const stats = (ms: number) => ({ median: ms, mad: 0, samples: 1, min: ms, max: ms });

function writeBaseline(tests: Record<string, { file: string; durationMs: number }>): void {
  const baseline = {
    schemaVersion: 1,
    createdAt: '2026-11-24T10:00:00.000Z',
    source: { runIds: ['r1'], commit: null },
    thresholds: { test: 0.2, suite: 0.15, minAbsoluteMs: 25 },
    slowTestMs: 30000,
    slowCount: 0,
    tests: Object.fromEntries(
      Object.entries(tests).map(([id, t]) => [id, { ...t, threshold: 0.2, stats: stats(t.durationMs) }]),
    ),
    suites: {},
  };
  fs.mkdirSync(path.join(root, '.jest-perf'), { recursive: true });
  fs.writeFileSync(path.join(root, '.jest-perf', 'baseline.json'), JSON.stringify(baseline));
}

describe('loadFileDurations', () => {
  it('sums the baseline test durations per file, plus a per-file overhead', () => {
    writeBaseline({
      'a.test.js › one': { file: 'a.test.js', durationMs: 300 },
      'a.test.js › two': { file: 'a.test.js', durationMs: 200 },
    });
    const { source, durations } = loadFileDurations(root);
    expect(source).toBe('baseline');
    expect(durations.get('a.test.js')).toBe(500 + FILE_OVERHEAD_MS);
  });

  it('falls back to nothing when there is neither a baseline nor a run', () => {
    expect(loadFileDurations(root)).toEqual({ source: 'none', durations: new Map() });
  });

  it('fails with a message naming the file when the baseline is corrupt', () => {
    fs.mkdirSync(path.join(root, '.jest-perf'), { recursive: true });
    fs.writeFileSync(path.join(root, '.jest-perf', 'baseline.json'), '{"half');
    expect(() => loadFileDurations(root)).toThrow(/baseline is not valid JSON/);
  });
});
