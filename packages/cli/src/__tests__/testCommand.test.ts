import * as fs from 'node:fs';
import { type RunFile, readLatestRun, readRunFile } from '@jest-perf/core';
import { makeRun, makeTest } from '../../../report/src/__tests__/helpers/runs';
import { createTestCommand, laneHeading, testCommand } from '../commands/test';
import { type ListJest, type SpawnJest, withoutWorkerArgs } from '../jest/runLanes';
import { runCli } from '../main';
import { createProject, type TempProject } from './helpers/project';

let project: TempProject;
beforeEach(() => {
  project = createProject();
});
afterEach(() => project.remove());

interface Call {
  args: string[];
  env: NodeJS.ProcessEnv;
}

/** A fake Jest: records each call and writes the lane's run file (when given) to JEST_PERF_OUTPUT. */
function fakeJest(lanes: Partial<Record<string, { run?: RunFile; status?: number }>>): {
  spawn: SpawnJest;
  calls: Call[];
} {
  const calls: Call[] = [];
  const spawn: SpawnJest = (args, { env }) => {
    calls.push({ args, env });
    const lane = lanes[env.JEST_PERF_LANE ?? ''];
    if (lane?.run && env.JEST_PERF_OUTPUT) fs.writeFileSync(env.JEST_PERF_OUTPUT, JSON.stringify(lane.run));
    return lane?.status ?? 0;
  };
  return { spawn, calls };
}

/** A fake `jest --listTests` of the serial lane: these files (absolute), or null when listing failed. */
function lister(files: string[] | null = ['b.test.ts']): { list: ListJest; calls: Call[] } {
  const calls: Call[] = [];
  const list: ListJest = (args, { env }) => {
    calls.push({ args, env });
    return files === null ? null : files.map((file) => `${project.root}/${file}`);
  };
  return { list, calls };
}

async function run(argv: string[], spawn: SpawnJest, env: NodeJS.ProcessEnv = {}, list = lister().list) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { cwd: project.root, env, out: (t) => out.push(t), err: (t) => err.push(t) }, [
    createTestCommand(spawn, list),
  ]);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const jestBin = '/fake/jest.js';

describe('jest-perf test parse', () => {
  it('takes the Jest arguments after --', () => {
    expect(testCommand.parse({ root: '/p', 'serial-tag': 'serial', '--': ['--maxWorkers=2', 'tests/unit'] })).toEqual({
      root: '/p',
      serialTag: 'serial',
      jestBin: undefined,
      jestArgs: ['--maxWorkers=2', 'tests/unit'],
    });
  });

  it('rejects a tag that is not a word', () => {
    expect(() => testCommand.parse({ root: '/p', 'serial-tag': '@serial lane' })).toThrow(
      '--serial-tag must be a tag word like "serial"',
    );
  });
});

describe('jest-perf test', () => {
  it('runs the parallel lane on all workers, then the serial lane in band, with the user’s Jest args', async () => {
    const { spawn, calls } = fakeJest({});

    const result = await run(['test', '--jest-bin', jestBin, '--', '--maxWorkers=2', 'tests'], spawn, {
      JEST_PERF_SKIP_TAGS: 'slow',
    });

    expect(result.code).toBe(0);
    expect(calls.map((c) => c.env.JEST_PERF_LANE)).toEqual(['parallel', 'serial']);
    const [parallel, serial] = calls as [Call, Call];
    expect(parallel.args.slice(0, 3)).toEqual([jestBin, '--maxWorkers=2', 'tests']);
    expect(parallel.args).toContain('--passWithNoTests');
    expect(parallel.args.find((a) => a.startsWith('--filter='))).toMatch(/laneFilter\.js$/);
    expect(parallel.args).not.toContain('--runInBand');
    expect(parallel.env.JEST_PERF_SKIP_TAGS).toBe('slow,serial');
    expect(serial.args).toContain('--runInBand');
    expect(serial.args).not.toContain('--maxWorkers=2');
    expect(serial.args).toContain('tests');
    expect(serial.env).toMatchObject({ JEST_PERF_ONLY_TAGS: 'serial', JEST_PERF_SKIP_TAGS: 'slow' });
    expect(result.err).toContain('jest-perf: serial lane: the @serial tests of 1 file(s): b.test.ts, in band');
    expect(parallel.env.JEST_PERF_SILENT).toBe('1');
    expect(serial.env.JEST_PERF_SILENT).toBe('1');
  });

  it('stores one merged run when the lanes tracked', async () => {
    const { spawn } = fakeJest({
      parallel: { run: makeRun({ runId: 'p', tests: [makeTest({ title: 'safe', durationMs: 10 })] }) },
      serial: {
        run: makeRun({ runId: 's', tests: [makeTest({ file: 'b.test.ts', title: 'chdir', durationMs: 20 })] }),
      },
    });

    const result = await run(['test', '--jest-bin', jestBin], spawn, { JEST_PERF: '1' });

    expect(result.code).toBe(0);
    expect(fs.readdirSync(project.paths.runsDir)).toHaveLength(1);
    expect(readLatestRun(project.paths).tests.map((t) => t.title)).toEqual(['safe', 'chdir']);
    expect(result.err).toContain(
      `2 tests from 2 lanes → one run .jest-perf/runs/${readLatestRun(project.paths).runId}.json`,
    );
    expect(result.err).toContain('  next: npx jest-perf report');
    expect(result.err).not.toContain('jest-perf-lanes-');
  });

  it('writes the merged run to JEST_PERF_OUTPUT instead of the history when set', async () => {
    const { spawn } = fakeJest({
      parallel: { run: makeRun({ runId: 'p', tests: [makeTest({ title: 'safe', durationMs: 10 })] }) },
    });

    await run(['test', '--jest-bin', jestBin], spawn, { JEST_PERF_OUTPUT: 'side.json' });

    expect(readRunFile(`${project.root}/side.json`).tests).toHaveLength(1);
    expect(fs.existsSync(project.paths.runsDir)).toBe(false);
  });

  it('fails when either lane fails, and writes nothing when not tracking', async () => {
    const { spawn, calls } = fakeJest({ serial: { status: 1 } });

    const result = await run(['test', '--jest-bin', jestBin], spawn);

    expect(result.code).toBe(1);
    expect(calls).toHaveLength(2);
    expect(fs.existsSync(project.paths.dataDir)).toBe(false);
  });

  it('lists the serial lane in band with its filter first, and starts no serial lane when it is empty', async () => {
    const { spawn, calls } = fakeJest({});
    const listing = lister([]);

    const result = await run(['test', '--jest-bin', jestBin, '--', '-w', '2', 'tests'], spawn, {}, listing.list);

    expect(listing.calls).toHaveLength(1);
    expect(listing.calls[0]?.args.slice(0, 2)).toEqual([jestBin, 'tests']);
    expect(listing.calls[0]?.args.at(-1)).toMatch(/^--filter=.*laneFilter\.js$/);
    expect(listing.calls[0]?.env).toMatchObject({ JEST_PERF_LANE: 'serial', JEST_PERF_ONLY_TAGS: 'serial' });
    expect(calls.map((c) => c.env.JEST_PERF_LANE)).toEqual(['parallel']);
    expect(result.err).toBe('jest-perf: no @serial tests: one run, on all workers');
  });

  it('runs the serial lane anyway when Jest could not list its files', async () => {
    const { spawn, calls } = fakeJest({});

    const result = await run(['test', '--jest-bin', jestBin], spawn, {}, lister(null).list);

    expect(calls.map((c) => c.env.JEST_PERF_LANE)).toEqual(['parallel', 'serial']);
    expect(result.err).toContain('jest-perf: serial lane: the @serial tests, in band');
  });

  it('refuses JEST_PERF_ONLY_TAGS, which the serial lane needs for itself', async () => {
    const { spawn, calls } = fakeJest({});

    const result = await run(['test', '--jest-bin', jestBin], spawn, { JEST_PERF_ONLY_TAGS: 'real_llm' });

    expect(result.code).toBe(2);
    expect(result.err).toContain('cannot combine JEST_PERF_ONLY_TAGS');
    expect(result.err).toContain('Example: JEST_PERF_SKIP_TAGS=slow npx jest-perf test ');
    expect(calls).toHaveLength(0);
  });
});

describe('laneHeading', () => {
  it('names at most three serial files, from the cwd', () => {
    const files = ['/p/a.test.ts', '/p/b.test.ts', '/p/c.test.ts', '/p/d.test.ts'];

    expect(laneHeading('serial', files, 'serial', '/p')).toBe(
      'jest-perf: serial lane: the @serial tests of 4 file(s): a.test.ts, b.test.ts, c.test.ts, …, in band',
    );
    expect(laneHeading('parallel', files, 'db', '/p')).toBe(
      'jest-perf: parallel lane: the tests without @db, on all workers',
    );
  });
});

describe('withoutWorkerArgs', () => {
  it('drops every spelling of the worker count and in-band flags, keeping the rest', () => {
    expect(
      withoutWorkerArgs([
        '--maxWorkers=2',
        'tests',
        '--maxWorkers',
        '50%',
        '-w',
        '3',
        '-w4',
        '--max-workers=1',
        '-i',
        '--runInBand',
        '--ci',
      ]),
    ).toEqual(['tests', '--ci']);
  });
});
