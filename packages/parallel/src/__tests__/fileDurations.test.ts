import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FILE_OVERHEAD_MS, loadFileDurations } from '../fileDurations';
import { runWithFiles, writeRun } from './helpers/runFiles';

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-parallel-'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const stats = (ms: number) => ({ median: ms, mad: 0, samples: 1, min: ms, max: ms });

function writeBaseline(
  tests: Record<string, { file: string; durationMs: number }>,
  files?: Record<string, { runtimeMs: number; samples: number }>,
): void {
  // Format 1 on purpose: a baseline committed before format 2 still plans the shards.
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
    ...(files ? { files } : {}),
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

  it('prefers the baseline’s file runtimes (environment, imports, beforeAll included) to test sums', () => {
    writeBaseline(
      {
        'a.test.js › one': { file: 'a.test.js', durationMs: 300 },
        'b.test.js › one': { file: 'b.test.js', durationMs: 50 },
      },
      { 'a.test.js': { runtimeMs: 2400, samples: 5 } },
    );
    const { durations } = loadFileDurations(root);
    expect(durations.get('a.test.js')).toBe(2400);
    expect(durations.get('b.test.js')).toBe(50 + FILE_OVERHEAD_MS);
  });

  it('prefers the newest whole run (an imported CI history) to the committed baseline', () => {
    writeBaseline({ 'a.test.js › one': { file: 'a.test.js', durationMs: 300 } });
    writeLatest(null, 'runs/2026-01-01-merged.json', 4000);
    expect(loadFileDurations(root)).toEqual({ source: 'latest run', durations: new Map([['a.test.js', 4000]]) });
  });

  it('passes over a damaged run file for the next whole run', () => {
    writeLatest(null, 'runs/2026-01-01-whole.json', 900);
    fs.writeFileSync(path.join(root, '.jest-perf', 'runs', '2026-01-02-broken.json'), '{"half');
    expect(loadFileDurations(root)).toEqual({ source: 'latest run', durations: new Map([['a.test.js', 900]]) });
  });

  it('uses the baseline when the only runs are shards', () => {
    writeBaseline({ 'a.test.js › one': { file: 'a.test.js', durationMs: 300 } });
    writeLatest({ index: 1, count: 3 }, 'runs/2026-01-01-shard.json', 4000);
    expect(loadFileDurations(root).source).toBe('baseline');
  });

  it('uses the latest run’s file runtimes without a baseline', () => {
    writeLatest(null);
    expect(loadFileDurations(root)).toEqual({ source: 'latest run', durations: new Map([['a.test.js', 700]]) });
  });

  it('skips a latest run that was one shard for the newest whole run in runs/', () => {
    // Bug: shards run one after the other on one machine each split by the previous shard's partial
    // run, so some files ran twice and others never (found by the e2e shard test).
    writeLatest(null, 'runs/2026-01-01-whole.json', 900);
    writeLatest({ index: 2, count: 3 }, 'runs/2026-01-02-shard.json', 10);
    writeLatest({ index: 2, count: 3 });
    expect(loadFileDurations(root)).toEqual({ source: 'latest run', durations: new Map([['a.test.js', 900]]) });
  });

  it('has nothing to plan with when every run was a shard', () => {
    writeLatest({ index: 1, count: 3 });
    expect(loadFileDurations(root)).toEqual({ source: 'none', durations: new Map() });
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

function writeLatest(shard: { index: number; count: number } | null, file = 'latest.json', runtimeMs = 700): void {
  writeRun(root, runWithFiles({ 'a.test.js': runtimeMs }, shard), file);
}
