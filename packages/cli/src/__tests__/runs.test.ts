import * as fs from 'node:fs';
import * as path from 'node:path';
import { isJestPerfError, type JestPerfError } from '@jest-perf/core';
import { makeRun, makeTest } from '../../../report/src/__tests__/helpers/runs';
import { runsCommand } from '../commands/runs';
import { listRuns } from '../runs/listRuns';
import { resolveRunRef } from '../runs/runRef';
import { cli, createProject, type TempProject } from './helpers/project';

let project: TempProject;
beforeEach(() => {
  project = createProject();
});
afterEach(() => project.remove());

/** Three stored runs, one minute apart: r1 passed, r2 had a failure, r3 (the latest) is incomplete. */
function saveThree(): void {
  project.save(
    makeRun({ runId: '2026-01-01T00-01-00-000Z-aaaa', minute: 1, tests: [makeTest({ title: 'a', durationMs: 1500 })] }),
    makeRun({
      runId: '2026-01-01T00-02-00-000Z-bbbb',
      minute: 2,
      commit: null,
      tests: [makeTest({ title: 'a', durationMs: 20, status: 'failed' }), makeTest({ title: 'b', durationMs: 5 })],
    }),
    makeRun({
      runId: '2026-01-01T00-03-00-000Z-cccc',
      minute: 3,
      tests: [makeTest({ title: 'a', durationMs: 10 })],
      incompleteReasons: ['src/a.test.ts: Call retries were exceeded'],
    }),
  );
}

function refError(ref: string): JestPerfError {
  try {
    resolveRunRef(ref, project.root, () => project.paths);
  } catch (error) {
    if (isJestPerfError(error)) return error;
    throw error;
  }
  throw new Error(`expected ${ref} to be refused`);
}

const runFile = (id: string) => path.join(project.paths.runsDir, `${id}.json`);

describe('resolveRunRef', () => {
  it('resolves latest, latest~N, a run id and the start of one', () => {
    saveThree();
    const resolve = (ref: string) => resolveRunRef(ref, project.root, () => project.paths);

    expect(resolve('latest')).toBe(project.paths.latest);
    expect(resolve('latest~0')).toBe(project.paths.latest);
    expect(resolve('latest~2')).toBe(runFile('2026-01-01T00-01-00-000Z-aaaa'));
    expect(resolve('2026-01-01T00-02-00-000Z-bbbb')).toBe(runFile('2026-01-01T00-02-00-000Z-bbbb'));
    expect(resolve('2026-01-01T00-02')).toBe(runFile('2026-01-01T00-02-00-000Z-bbbb'));
  });

  it('takes a path to a run file, relative to the cwd, without opening the project', () => {
    const file = project.write('side/run.json', '{}');

    expect(
      resolveRunRef('side/run.json', project.root, () => {
        throw new Error('opened the project');
      }),
    ).toBe(file);
  });

  it('refuses an unknown id, saying how to see the ids', () => {
    saveThree();

    expect(refError('nope').message).toBe(
      `no run "nope": not a run file, and no stored run has that id (${project.paths.runsDir})\n` +
        "  Fix: see the stored runs and their ids with: npx jest-perf runs; or give `latest`, `latest~N` or a run file's path",
    );
    expect(refError('2026-01-01').message).toContain('run id "2026-01-01" matches 3 runs');
    expect(refError('missing/run.json').message).toContain('no run file at missing/run.json');
    expect(refError('latest~3').message).toContain('no run latest~3: 3 run(s) are stored');
    expect(refError('latest~3').message).toContain('npx jest-perf runs');
  });

  it('says to track a run first for latest~N when no run is stored', () => {
    const error = refError('latest~1');

    expect(error.code).toBe('JEST_PERF_NO_RUN_DATA');
    expect(error.message).toBe(
      `no run latest~1: no run is tracked yet (${project.paths.runsDir})\n  Fix: track a run first: npx jest-perf track`,
    );
  });

  it('says latest~1 needs a second tracked run when only one is stored', () => {
    project.save(makeRun({ tests: [makeTest({ title: 'a', durationMs: 10 })] }));

    expect(refError('latest~1').message).toBe(
      `no run latest~1: only 1 run is stored, the latest (${project.paths.runsDir})\n` +
        '  Fix: track one more run: npx jest-perf track',
    );
    expect(refError('latest~3').message).toContain('Fix: track 3 more runs: npx jest-perf track');
  });

  it('offers the stored refs, or tracking more, for a latest~N past the oldest run', () => {
    saveThree();

    expect(refError('latest~3').message).toBe(
      `no run latest~3: 3 run(s) are stored (${project.paths.runsDir})\n` +
        '  Fix: use latest~0 to latest~2 (see the stored runs and their ids with: npx jest-perf runs), or track one more run: npx jest-perf track',
    );
  });

  it('never matches a path-like reference against the stored ids', () => {
    saveThree();

    expect(refError('../runs/2026-01-01T00-01-00-000Z-aaaa').message).toContain('no run file at');
  });

  it('says there is no data yet for latest in a project that tracked nothing', () => {
    expect(refError('latest').code).toBe('JEST_PERF_NO_RUN_DATA');
  });
});

describe('listRuns', () => {
  it('lists the stored runs newest first, with their refs and status, at most limit', () => {
    saveThree();

    const { runs, stored } = listRuns(project.paths, 2);

    expect(stored).toBe(3);
    expect(runs.map((run) => [run.ref, run.runId, run.status, run.tests, run.commit])).toEqual([
      ['latest', '2026-01-01T00-03-00-000Z-cccc', 'incomplete', 1, 'abcdef1234567890'],
      ['latest~1', '2026-01-01T00-02-00-000Z-bbbb', 'failed', 2, null],
    ]);
  });

  it('lists a run file that does not read as unreadable, with why', () => {
    saveThree();
    fs.writeFileSync(runFile('2026-01-01T00-04-00-000Z-dddd'), '{ half');

    const [broken] = listRuns(project.paths, 1).runs;

    expect(broken).toMatchObject({ ref: 'latest', status: 'unreadable', tests: null });
    expect(broken?.problem).toContain('not valid JSON');
  });
});

describe('jest-perf runs', () => {
  it('prints a table of the runs and how to name them', async () => {
    saveThree();

    const result = await cli(['runs'], project.root);

    expect(result.code).toBe(0);
    const lines = result.out.split('\n');
    expect(lines[0]).toMatch(/^ref {7}id {29}date {14}commit {3}tests {4}wall {2}status$/);
    expect(lines[1]).toMatch(
      /^latest {4}2026-01-01T00-03-00-000Z-cccc {2}\d{4}-\d\d-\d\d \d\d:\d\d {2}abcdef1 {6}1 {3}10 ms {2}incomplete$/,
    );
    expect(lines[2]).toMatch(/^latest~1 .* {2}- {12}2 {3}25 ms {2}1 failed$/);
    expect(lines[3]).toMatch(/^latest~2 .* {2}1\.50 s {2}passed$/);
    expect(result.out).toContain('3 stored run(s); name one by its ref or its id');
    expect(result.out).toContain('npx jest-perf compare latest~1 latest');
  });

  it('prints JSON with --format json, and says when runs are left out', async () => {
    saveThree();

    const json = await cli(['runs', '--format', 'json', '--limit', '1'], project.root);
    const text = await cli(['runs', '--limit', '1'], project.root);

    expect(JSON.parse(json.out)).toMatchObject({ stored: 3, runs: [{ ref: 'latest', status: 'incomplete' }] });
    expect(text.out).toContain('1 of 3 stored runs (--limit to see more)');
  });

  it('says how to track a first run when there is none', async () => {
    const result = await cli(['runs'], project.root);

    expect(result.out).toBe('No stored runs yet: track one with npx jest-perf track\n');
  });

  it('refuses a --limit that is not a whole number', () => {
    expect(() => runsCommand.parse({ root: '/p', limit: 0, format: 'text' })).toThrow(
      '--limit must be a whole number of at least 1 (got 0)\nExample: npx jest-perf runs --limit 5',
    );
  });
});

describe('report and compare take run references', () => {
  it('reports latest~N and compares two ids', async () => {
    saveThree();

    const report = await cli(['report', '--run', 'latest~2', '--format', 'json'], project.root);
    const compare = await cli(['compare', '2026-01-01T00-01', 'latest', '--format', 'json'], project.root);

    expect(JSON.parse(report.out).summary.runId).toBe('2026-01-01T00-01-00-000Z-aaaa');
    expect(compare.code).toBe(0);
    expect(JSON.parse(compare.out).rows[0]).toMatchObject({ name: 'wall time', before: 1500, after: 10 });
  });

  it('refuses an unknown run id with exit 2 and how to list the ids', async () => {
    saveThree();

    const result = await cli(['compare', 'nope', 'latest'], project.root);

    expect(result.code).toBe(2);
    expect(result.err).toContain('no run "nope"');
    expect(result.err).toContain('npx jest-perf runs');
  });
});
