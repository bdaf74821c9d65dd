import { type JestPerfError, type RunFile, runFileSchema, validateWith } from '@jest-perf/core';
import { makeFile, makeHook, makeRun, makeTest } from '../../../report/src/__tests__/helpers/runs';
import { mergeRuns } from '../analysis/mergeRuns';

function shard(index: number, count: number, titles: Record<string, number>, extra: Partial<RunFile> = {}): RunFile {
  const file = `src/shard${index}.test.ts`;
  const run = makeRun({
    runId: `shard-${index}`,
    minute: index,
    shard: { index, count },
    tests: Object.entries(titles).map(([title, durationMs]) => makeTest({ file, title, durationMs })),
    files: [makeFile({ path: file, hooks: [makeHook({ type: 'beforeAll', calls: 1, totalMs: 100 * index })] })],
    counters: { llmMock: { calls: index } },
  });
  return { ...run, ...extra };
}

function errorOf(fn: () => unknown): JestPerfError {
  try {
    fn();
  } catch (error) {
    return error as JestPerfError;
  }
  throw new Error('expected an error');
}

describe('mergeRuns', () => {
  it('combines shards into one schema-valid, complete run', () => {
    const one = shard(1, 2, { a: 100, b: 40_000 });
    const two = { ...shard(2, 2, { c: 300 }), summary: { ...shard(2, 2, { c: 300 }).summary, wallMs: 9_000 } };

    const merged = mergeRuns([two, one]);

    expect(() => validateWith(runFileSchema, merged, { what: 'run file', fix: '' })).not.toThrow();
    expect(merged.tests.map((t) => t.id)).toEqual([
      'src/shard2.test.ts › c',
      'src/shard1.test.ts › a',
      'src/shard1.test.ts › b',
    ]);
    expect(merged.files.map((f) => f.path)).toEqual(['src/shard2.test.ts', 'src/shard1.test.ts']);
    expect(merged).toMatchObject({
      shard: null,
      incomplete: false,
      incompleteReasons: [],
      startedAt: one.startedAt,
      endedAt: two.endedAt,
      counters: { llmMock: { calls: 3 } },
    });
    expect(merged.runId).toMatch(/^2026-01-01T00-01-00-000Z-[0-9a-f]+$/);
    expect(merged.summary).toEqual({
      total: 3,
      passed: 3,
      failed: 0,
      skipped: 0,
      slowCount: 1,
      totalDurationMs: 40_400,
      averageDurationMs: 40_400 / 3,
      hookMs: 300,
      wallMs: 40_100,
    });
  });

  it('counts failed, skipped and todo tests like a tracked run does', () => {
    const run = makeRun({
      tests: [
        makeTest({ title: 'ok', durationMs: 10 }),
        makeTest({ title: 'bad', durationMs: 30, status: 'failed' }),
        makeTest({ title: 'skip', durationMs: 0, status: 'skipped' }),
        makeTest({ title: 'todo', durationMs: 0, status: 'todo' }),
      ],
    });

    expect(mergeRuns([run]).summary).toMatchObject({ passed: 1, failed: 1, skipped: 2, averageDurationMs: 20 });
  });

  it('marks the merged run incomplete when a shard is missing or was incomplete itself', () => {
    const merged = mergeRuns([
      shard(1, 3, { a: 1 }),
      shard(3, 3, { c: 1 }, { incomplete: true, incompleteReasons: ['worker 2 was killed'] }),
    ]);

    expect(merged.incomplete).toBe(true);
    expect(merged.incompleteReasons).toEqual(['shard-3: worker 2 was killed', 'shard 2/3 is missing']);
  });

  it('marks the merged run incomplete when the shards disagree on the shard count (1/2 with 2/3)', () => {
    const merged = mergeRuns([shard(1, 2, { a: 1 }), shard(2, 3, { b: 1 })]);

    expect(merged.incomplete).toBe(true);
    expect(merged.incompleteReasons).toEqual([
      'the shards disagree on the shard count: shard-1 is 1/2, shard-2 is 2/3 (merge the shards of one run)',
      'shard 3/3 is missing',
    ]);
  });

  it('marks the merged run incomplete when a shard index is there twice, or a run is not a shard', () => {
    const twice = mergeRuns([shard(1, 2, { a: 1 }), { ...shard(1, 2, { b: 1 }), runId: 'again' }]);
    const unsharded = mergeRuns([shard(1, 2, { a: 1 }), makeRun({ runId: 'plain', tests: [] })]);

    expect(twice.incompleteReasons).toEqual(['shard 1/2 is there twice (shard-1, again)', 'shard 2/2 is missing']);
    expect(unsharded.incompleteReasons).toEqual([
      'the shards disagree on the shard count: shard-1 is 1/2, plain is not a shard (merge the shards of one run)',
      'shard 2/2 is missing',
    ]);
  });

  it('refuses a test present in two shards, naming the test and both runs', () => {
    const error = errorOf(() => mergeRuns([shard(1, 2, { a: 1 }), { ...shard(1, 2, { a: 2 }), runId: 'again' }]));

    expect(error.code).toBe('JEST_PERF_USAGE');
    expect(error.message).toContain('test "src/shard1.test.ts › a" is in runs shard-1 and again');
  });

  it('refuses an empty list with an example', () => {
    expect(errorOf(() => mergeRuns([])).message).toContain('npx jest-perf merge shard-1.json shard-2.json');
  });

  it('merges unsharded runs without inventing missing shards', () => {
    expect(mergeRuns([makeRun({ tests: [] })]).incomplete).toBe(false);
  });
});
