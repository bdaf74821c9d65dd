import * as fs from 'node:fs';
import type { JestPerfError } from '@jest-perf/core';
import { readBaseline } from '@jest-perf/regression';
import { makeRun, makeTest, runOf } from '../../../report/src/__tests__/helpers/runs';
import { baselineCommand } from '../commands/baseline';
import { cli, createProject, type TempProject } from './helpers/project';

let project: TempProject;
beforeEach(() => {
  project = createProject();
});
afterEach(() => project.remove());

const runId = (i: number) => `r${String(i).padStart(3, '0')}`;

describe('baseline parse', () => {
  it('reads --from-history and --run', () => {
    expect(baselineCommand.parse({ root: '/p', 'from-history': 5 })).toEqual({
      root: '/p',
      fromHistory: 5,
      run: undefined,
      baseline: undefined,
      force: false,
      migrate: false,
      exclude: [],
    });
    expect(baselineCommand.parse({ root: '/p', force: true, baseline: 'b.json' })).toMatchObject({
      force: true,
      baseline: 'b.json',
    });
    expect(baselineCommand.parse({ root: '/p', run: 'a.json' }).run).toBe('a.json');
  });

  it('refuses --migrate with source runs: it rewrites the baseline as it is', () => {
    expect(() => baselineCommand.parse({ root: '/p', migrate: true, 'from-history': 5 })).toThrow(
      '--migrate rewrites the baseline as it is: it takes no source runs\nExample: npx jest-perf baseline --migrate',
    );
    expect(baselineCommand.parse({ root: '/p', migrate: true }).migrate).toBe(true);
  });

  it('reads --exclude as a list of run ids, only with --from-history', () => {
    expect(baselineCommand.parse({ root: '/p', 'from-history': 5, exclude: ['r1', 'r2'] }).exclude).toEqual([
      'r1',
      'r2',
    ]);
    expect(() => baselineCommand.parse({ root: '/p', exclude: ['r1'] })).toThrow(
      '--exclude leaves runs out of --from-history N: use it with --from-history',
    );
  });

  it('refuses --from-history together with --run', () => {
    expect(() => baselineCommand.parse({ root: '/p', 'from-history': 5, run: 'a.json' })).toThrow(
      '--from-history and --run both pick the source runs: use one\nExample: npx jest-perf baseline --from-history 5',
    );
  });

  it.each([0, 2.5, Number.NaN])('refuses --from-history %p', (value) => {
    let error: JestPerfError | undefined;
    try {
      baselineCommand.parse({ root: '/p', 'from-history': value });
    } catch (caught) {
      error = caught as JestPerfError;
    }
    expect(error?.code).toBe('JEST_PERF_USAGE');
    expect(error?.message).toContain('--from-history must be a whole number of at least 1');
  });
});

describe('jest-perf baseline', () => {
  it('creates the baseline from the latest run, with a tip to use more runs', async () => {
    project.save(runOf({ a: 100, b: 200 }));

    const result = await cli(['baseline'], project.root);

    expect(result.code).toBe(0);
    expect(result.out.split('\n')).toEqual([
      'Created .jest-perf/baseline.json from 1 run(s): 2 tests in 1 file (1 folder), 0 slow.',
      'Tip: a baseline from 5+ runs (--from-history 5) knows its own noise and flags fewer false regressions.',
    ]);
    const baseline = readBaseline(project.paths.baseline);
    expect(baseline.source.runIds).toEqual(['r000']);
    expect(baseline.tests['src/a.test.ts › b']?.durationMs).toBe(200);
  });

  it.each([
    [
      'timed no test',
      makeRun({ tests: [makeTest({ title: 'a', durationMs: 100, status: 'skipped' })] }),
      'the source run(s) timed no test',
    ],
    [
      'is incomplete',
      makeRun({
        tests: [makeTest({ title: 'a', durationMs: 100 })],
        incompleteReasons: ['src/b.test.ts: worker killed'],
      }),
      'incomplete source run(s): r000: src/b.test.ts: worker killed',
    ],
    [
      'had failures',
      makeRun({
        tests: [makeTest({ title: 'a', durationMs: 100 }), makeTest({ title: 'b', durationMs: 100, status: 'failed' })],
      }),
      '1 test(s) failed in the source run(s)',
    ],
  ])('refuses with exit 2 a run that %s, and builds it with --force', async (_case, run, why) => {
    project.save(run);

    const refused = await cli(['baseline'], project.root);

    expect(refused.code).toBe(2);
    expect(refused.err).toContain(`Not building the baseline: ${why}`);
    expect(refused.err).toContain('or pass --force');
    expect(fs.existsSync(project.paths.baseline)).toBe(false);
    const forced = await cli(['baseline', '--force'], project.root);
    // A baseline of nothing is still refused by its reader: --force cannot make an empty one.
    expect(forced.code).toBe(_case === 'timed no test' ? 2 : 0);
  });

  it('refuses to shrink the committed baseline, and keeps the one it replaces as baseline.prev.json', async () => {
    project.save(runOf({ a: 100, b: 200 }));
    await cli(['baseline'], project.root);
    const before = fs.readFileSync(project.paths.baseline, 'utf8');
    project.save(runOf({ a: 100 }, { runId: 'r001', minute: 1 }));

    const refused = await cli(['baseline'], project.root);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('it would shrink the baseline from 2 to 1 tests');
    expect(fs.readFileSync(project.paths.baseline, 'utf8')).toBe(before);

    const forced = await cli(['baseline', '--force'], project.root);
    expect(forced.code).toBe(0);
    expect(forced.out).toContain('The previous baseline is kept as .jest-perf/baseline.prev.json.');
    expect(fs.readFileSync(project.paths.baseline.replace('baseline.json', 'baseline.prev.json'), 'utf8')).toBe(before);
    expect(Object.keys(readBaseline(project.paths.baseline).tests)).toEqual(['src/a.test.ts › a']);
  });

  it('keeps the threshold overrides of the baseline it replaces, and names those of tests it no longer has', async () => {
    project.save(runOf({ a: 100, b: 200 }));
    await cli(['baseline'], project.root);
    const edited = readBaseline(project.paths.baseline);
    edited.overrides = {
      tests: { 'src/a.test.ts › a': 0.5, 'src/a.test.ts › b': 0.7 },
      files: { 'src/a.test.ts': 0.4 },
    };
    fs.writeFileSync(project.paths.baseline, JSON.stringify(edited));
    project.save(runOf({ a: 100 }, { runId: 'r001', minute: 1 }));

    const result = await cli(['baseline', '--force'], project.root);

    expect(result.code).toBe(0);
    expect(result.out).toContain(
      'Overrides kept: 1 test(s), 1 file(s); dropped (no longer in the baseline): src/a.test.ts › b',
    );
    expect(readBaseline(project.paths.baseline).overrides).toEqual({
      tests: { 'src/a.test.ts › a': 0.5 },
      files: { 'src/a.test.ts': 0.4 },
    });
  });

  it('rewrites a format-1 baseline in the current format with --migrate, keeping hand-set thresholds', async () => {
    project.save(runOf({ a: 100, b: 200 }));
    await cli(['baseline'], project.root);
    const { overrides: _overrides, ...current } = readBaseline(project.paths.baseline);
    const v1 = {
      ...current,
      schemaVersion: 1,
      thresholds: { test: 0.2, suite: 0.15, minAbsoluteMs: 100 },
      tests: Object.fromEntries(
        Object.entries(current.tests).map(([id, t]) => [id, { ...t, threshold: id.endsWith('› b') ? 0.6 : 0.2 }]),
      ),
      suites: Object.fromEntries(Object.entries(current.suites).map(([k, v]) => [k, { ...v, threshold: 0.15 }])),
    };
    fs.writeFileSync(project.paths.baseline, JSON.stringify(v1));

    const migrated = await cli(['baseline', '--migrate'], project.root);

    expect(migrated.code).toBe(0);
    expect(migrated.out).toBe(
      'Migrated .jest-perf/baseline.json to format 2: statistics unchanged, 1 hand-set test threshold(s) kept as overrides. The previous file is kept as .jest-perf/baseline.prev.json.',
    );
    const after = JSON.parse(fs.readFileSync(project.paths.baseline, 'utf8')) as Record<string, unknown>;
    expect(after).toMatchObject({ schemaVersion: 2, overrides: { tests: { 'src/a.test.ts › b': 0.6 }, files: {} } });
    expect(after).not.toHaveProperty('thresholds');
    expect((await cli(['baseline', '--migrate'], project.root)).out).toBe(
      '.jest-perf/baseline.json is already in format 2: nothing to migrate.',
    );
  });

  it('says Updated when a baseline already existed', async () => {
    project.save(runOf({ a: 100 }));
    await cli(['baseline'], project.root);

    const result = await cli(['baseline'], project.root);

    expect(result.out.split('\n')[0]).toMatch(/^Updated \.jest-perf\/baseline\.json from 1 run/);
  });

  it('uses the newest N runs of the history with --from-history N', async () => {
    project.save(...[100, 110, 90, 100, 105, 95].map((ms, i) => runOf({ a: ms }, { runId: runId(i), minute: i })));

    const result = await cli(['baseline', '--from-history', '5'], project.root);

    expect(result.code).toBe(0);
    expect(result.out).toBe('Created .jest-perf/baseline.json from 5 run(s): 1 test in 1 file (1 folder), 0 slow.');
    const baseline = readBaseline(project.paths.baseline);
    expect(baseline.source.runIds).toEqual(['r001', 'r002', 'r003', 'r004', 'r005']);
    expect(baseline.tests['src/a.test.ts › a']?.stats).toMatchObject({ samples: 5, median: 100, min: 90, max: 110 });
    // File runtimes come from the window's run files in runs/ (the history index has none).
    expect(baseline.files?.['src/a.test.ts']?.samples).toBe(5);
  });

  it('says when --from-history found fewer runs than it asks for, and to track more and rebuild', async () => {
    project.save(runOf({ a: 100, b: 200 }));

    const result = await cli(['baseline', '--from-history', '5'], project.root);

    expect(result.code).toBe(0);
    expect(result.out.split('\n')).toEqual([
      'Created .jest-perf/baseline.json from 1 run(s): 2 tests in 1 file (1 folder), 0 slow.',
      'Only 1 run is stored, of the 5 asked for: track 4 more (npx jest-perf track), then rebuild the baseline: npx jest-perf baseline --from-history 5',
    ]);
  });

  it('counts the baseline’s suites as the test files’ folders', async () => {
    const files = ['src/a.test.ts', 'src/b.test.ts', 'lib/c.test.ts'];
    project.save(makeRun({ tests: files.map((file, i) => makeTest({ file, title: `t${i}`, durationMs: 100 })) }));

    const result = await cli(['baseline'], project.root);

    expect(result.out.split('\n')[0]).toBe(
      'Created .jest-perf/baseline.json from 1 run(s): 3 tests in 3 files (2 folders), 0 slow.',
    );
    expect(Object.keys(readBaseline(project.paths.baseline).suites).sort()).toEqual(['lib', 'src']);
  });

  it('leaves out a window run whose run file is gone or corrupt, keeping the others’ file runtimes', async () => {
    project.save(...[100, 110, 90].map((ms, i) => runOf({ a: ms }, { runId: runId(i), minute: i })));
    await cli(['report'], project.root); // syncs the history index while every run file is there
    fs.writeFileSync(`${project.paths.runsDir}/${runId(1)}.json`, '{"half');

    const result = await cli(['baseline', '--from-history', '3'], project.root);

    expect(result.code).toBe(0);
    expect(readBaseline(project.paths.baseline).files?.['src/a.test.ts']?.samples).toBe(2);
  });

  /** Five runs of ten tests each, about 100 ms a test; `odd` gives one run other times (by its index). */
  function windowOfFive(odd?: { at: number; run: (i: number) => ReturnType<typeof makeRun> }): void {
    project.save(
      ...[100, 104, 98, 102, 99].map((ms, i) =>
        odd?.at === i
          ? odd.run(i)
          : makeRun({
              runId: runId(i),
              minute: i,
              tests: Array.from({ length: 10 }, (_, t) => makeTest({ title: `t${t}`, durationMs: ms + t })),
            }),
      ),
    );
  }

  it.each([
    [
      'had failures',
      (i: number) =>
        makeRun({
          runId: runId(i),
          minute: i,
          tests: Array.from({ length: 10 }, (_, t) =>
            makeTest({ title: `t${t}`, durationMs: 100, status: t === 3 ? 'failed' : 'passed' }),
          ),
        }),
      '1 test(s) failed in the source run(s)',
    ],
    [
      'is incomplete',
      (i: number) =>
        makeRun({
          runId: runId(i),
          minute: i,
          tests: Array.from({ length: 10 }, (_, t) => makeTest({ title: `t${t}`, durationMs: 100 })),
          incompleteReasons: ['src/b.test.ts: worker killed'],
        }),
      'incomplete source run(s): r002: src/b.test.ts: worker killed',
    ],
  ])('refuses --from-history when a run of the window %s, naming --exclude and --force', async (_case, odd, why) => {
    windowOfFive({ at: 2, run: odd });

    const refused = await cli(['baseline', '--from-history', '5'], project.root);

    expect(refused.code).toBe(2);
    expect(refused.err).toContain(`Not building the baseline: ${why}`);
    expect(refused.err).toContain('--exclude r002');
    expect(fs.existsSync(project.paths.baseline)).toBe(false);
    expect((await cli(['baseline', '--from-history', '5', '--exclude', 'r002'], project.root)).code).toBe(0);
    expect(readBaseline(project.paths.baseline).source.runIds).toEqual(['r000', 'r001', 'r003', 'r004']);
    expect((await cli(['baseline', '--from-history', '5', '--force'], project.root)).code).toBe(0);
  });

  it('refuses --from-history when a run of the window timed no test', async () => {
    windowOfFive({
      at: 4,
      run: (i) =>
        makeRun({ runId: runId(i), minute: i, tests: [makeTest({ title: 't0', durationMs: 0, status: 'skipped' })] }),
    });

    const refused = await cli(['baseline', '--from-history', '5'], project.root);

    expect(refused.code).toBe(2);
    expect(refused.err).toContain('Not building the baseline: r004 timed no test');
  });

  it('warns about a window run far slower than the others, naming it and how to leave it out', async () => {
    windowOfFive({
      at: 3,
      run: (i) =>
        makeRun({
          runId: runId(i),
          minute: i,
          tests: Array.from({ length: 10 }, (_, t) => makeTest({ title: `t${t}`, durationMs: 400 + t })),
        }),
    });

    const result = await cli(['baseline', '--from-history', '5'], project.root);

    expect(result.code).toBe(0);
    expect(result.err).toBe(
      "jest-perf: run r003 is far outside the others of the window (10 of 10 tests outside their usual range; whole run 3.9× the others' median): " +
        'a slowdown or a busy machine would then count as normal. Leave it out: ' +
        'npx jest-perf baseline --from-history 5 --exclude r003',
    );
    const excluded = await cli(['baseline', '--from-history', '5', '--exclude', 'r003'], project.root);
    expect(excluded.err).toBe('');
    expect(readBaseline(project.paths.baseline).source.runIds).toEqual(['r000', 'r001', 'r002', 'r004']);
  });

  it('warns about a run where many tests (not the whole run) sit far outside their usual range', async () => {
    windowOfFive({
      at: 1,
      run: (i) =>
        makeRun({
          runId: runId(i),
          minute: i,
          tests: [
            ...Array.from({ length: 3 }, (_, t) => makeTest({ title: `t${t}`, durationMs: 250 })),
            ...Array.from({ length: 7 }, (_, t) => makeTest({ title: `t${t + 3}`, durationMs: 100 + t + 3 })),
          ],
        }),
    });

    const result = await cli(['baseline', '--from-history', '5'], project.root);

    expect(result.code).toBe(0);
    expect(result.err).toContain(
      'run r001 is far outside the others of the window (3 of 10 tests outside their usual range)',
    );
  });

  it('says nothing about ordinary noise between the runs of the window', async () => {
    windowOfFive();

    const result = await cli(['baseline', '--from-history', '5'], project.root);

    expect(result.code).toBe(0);
    expect(result.err).toBe('');
  });

  it('refuses --exclude of a run the history does not hold', async () => {
    windowOfFive();

    const result = await cli(['baseline', '--from-history', '5', '--exclude', 'nope'], project.root);

    expect(result.code).toBe(2);
    expect(result.err).toContain('--exclude nope: no such run in the history');
  });

  it('uses the run file given with --run', async () => {
    project.write('ci/run.json', JSON.stringify(runOf({ fromFile: 42 }, { runId: 'ci-run' })));

    const result = await cli(['baseline', '--run', 'ci/run.json'], project.root);

    expect(result.code).toBe(0);
    expect(Object.keys(readBaseline(project.paths.baseline).tests)).toEqual(['src/a.test.ts › fromFile']);
  });

  it('refuses with exit 2 and the tracking fix when no run was recorded', async () => {
    const result = await cli(['baseline'], project.root);

    expect(result.code).toBe(2);
    expect(result.err).toBe(
      `jest-perf: No performance data (${project.paths.latest})\n  Fix: track a run first: npx jest-perf track`,
    );
  });

  it('refuses --from-history with exit 2 when there is no history', async () => {
    const result = await cli(['baseline', '--from-history', '5'], project.root);

    expect(result.code).toBe(2);
    expect(result.err).toContain('No performance data to build a baseline from');
    expect(result.err).toContain('track a run first: npx jest-perf track');
  });

  it('refuses --from-history with --run with exit 2 and an example', async () => {
    const result = await cli(['baseline', '--from-history', '5', '--run', 'x.json'], project.root);

    expect(result.code).toBe(2);
    expect(result.err).toContain('--from-history and --run both pick the source runs');
    expect(result.err).toContain('Example: npx jest-perf baseline --from-history 5');
  });
});
