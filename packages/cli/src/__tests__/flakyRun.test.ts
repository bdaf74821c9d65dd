import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { JestPerfError } from '@jest-perf/core';
import { jestArgsFor, runFlaky, untrackedEnv } from '../jest/flaky/runFlaky';
import { type JestInvocation, type SpawnJest, spawnJest } from '../jest/flaky/spawnJest';
import { jestJson } from './helpers/flakyJest';

let root: string;
beforeEach(() => {
  root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-flaky-')));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

function outputFileOf(args: string[]): string {
  const arg = args.find((a) => a.startsWith('--outputFile='));
  if (!arg) throw new Error(`no --outputFile in ${args.join(' ')}`);
  return arg.slice('--outputFile='.length);
}

function seedOf(args: string[]): number {
  return Number(args.find((a) => a.startsWith('--seed='))?.slice('--seed='.length));
}

/** A fake Jest: `order` fails on odd seeds; every call is recorded. */
function fakeJest(calls: JestInvocation[]): SpawnJest {
  return async (invocation) => {
    calls.push(invocation);
    const odd = seedOf(invocation.args) % 2 !== 0;
    const json = jestJson([
      {
        name: path.join(root, 'src', 'a.test.ts'),
        tests: [
          [['A'], 'order', odd ? 'failed' : 'passed', odd ? 'Error: dirty state' : undefined],
          [['A'], 'steady', 'passed'],
        ],
      },
    ]);
    fs.writeFileSync(outputFileOf(invocation.args), JSON.stringify(json));
    return { status: odd ? 1 : 0, stderrTail: '' };
  };
}

async function errorOf(promise: Promise<unknown>): Promise<JestPerfError> {
  try {
    await promise;
  } catch (error) {
    return error as JestPerfError;
  }
  throw new Error('expected an error');
}

describe('runFlaky', () => {
  it('runs Jest once per seed with --randomize and the user’s args last, untracked, in the root', async () => {
    const calls: JestInvocation[] = [];
    const progress: string[] = [];

    const outcomes = await runFlaky({
      rootDir: root,
      seeds: [4, 5, 6],
      jestBin: '/bin/jest.js',
      jestArgs: ['--maxWorkers=1', 'src'],
      env: { PATH: '/bin', JEST_PERF: '1', JEST_PERF_OUTPUT: '/x.json', JEST_PERF_WORKER_DIR: '/w' },
      spawn: fakeJest(calls),
      onRun: (index, outcome) => progress.push(`${index}:${outcome.seed}`),
    });

    expect(calls.map((c) => c.args.filter((a) => !a.startsWith('--outputFile=')))).toEqual([
      ['--ci', '--randomize', '--seed=4', '--json', '--maxWorkers=1', 'src'],
      ['--ci', '--randomize', '--seed=5', '--json', '--maxWorkers=1', 'src'],
      ['--ci', '--randomize', '--seed=6', '--json', '--maxWorkers=1', 'src'],
    ]);
    expect(calls.every((c) => c.cwd === root && c.jestBin === '/bin/jest.js')).toBe(true);
    expect(calls[0]?.env).toEqual({ PATH: '/bin', JEST_PERF: '0' });
    expect(progress).toEqual(['1:4', '2:5', '3:6']);
    expect(outcomes.map((o) => o.tests.map((t) => `${t.id}=${t.status}`))).toEqual([
      ['src/a.test.ts › A › order=passed', 'src/a.test.ts › A › steady=passed'],
      ['src/a.test.ts › A › order=failed', 'src/a.test.ts › A › steady=passed'],
      ['src/a.test.ts › A › order=passed', 'src/a.test.ts › A › steady=passed'],
    ]);
  });

  it('removes its temporary output files', async () => {
    const calls: JestInvocation[] = [];

    await runFlaky({ rootDir: root, seeds: [1, 2], jestBin: 'jest.js', env: {}, spawn: fakeJest(calls) });

    const outputs = calls.map((c) => outputFileOf(c.args));
    expect(new Set(outputs).size).toBe(2);
    expect(fs.existsSync(path.dirname(outputs[0] ?? root))).toBe(false);
  });

  it('fails with JEST_PERF_NO_RUN_DATA and the tail of Jest’s stderr when Jest writes no results', async () => {
    const lines = Array.from({ length: 12 }, (_, i) => `line ${i + 1}`).join('\n');
    const spawn: SpawnJest = async () => ({ status: 1, stderrTail: `${lines}\n` });

    const error = await errorOf(runFlaky({ rootDir: root, seeds: [9], jestBin: 'jest.js', env: {}, spawn }));

    expect(error.code).toBe('JEST_PERF_NO_RUN_DATA');
    expect(error.message).toContain('Jest wrote no --json results (seed 9, Jest exit 1)');
    expect(error.message).toContain('Jest said:\n  line 5\n  line 6');
    expect(error.message).toContain('line 12');
    expect(error.message).not.toContain('line 4\n');
  });

  it('says when the results are not JSON, or when Jest ran no test file', async () => {
    const writing =
      (text: string): SpawnJest =>
      async ({ args }) => {
        fs.writeFileSync(outputFileOf(args), text);
        return { status: 1, stderrTail: '' };
      };

    const corrupt = await errorOf(
      runFlaky({ rootDir: root, seeds: [1], jestBin: 'j', env: {}, spawn: writing('{"testRes') }),
    );
    const none = await errorOf(
      runFlaky({ rootDir: root, seeds: [1], jestBin: 'j', env: {}, spawn: writing('{"testResults":[]}') }),
    );

    expect(corrupt.message).toContain('Jest wrote --json results that are not valid JSON (seed 1, Jest exit 1)');
    expect(none.message).toContain('Jest ran no test files (seed 1, Jest exit 1)');
    expect(none.message).toContain('Jest said:\n  (nothing)');
  });

  it('finds the project’s Jest when no bin is given', async () => {
    const calls: JestInvocation[] = [];
    const example = path.resolve(__dirname, '../../../../examples/clinical-analytics');
    const spawn: SpawnJest = async (invocation) => {
      calls.push(invocation);
      const json = jestJson([{ name: path.join(example, 'a.test.ts'), tests: [[[], 't', 'passed']] }]);
      fs.writeFileSync(outputFileOf(invocation.args), JSON.stringify(json));
      return { status: 0, stderrTail: '' };
    };

    await runFlaky({ rootDir: example, seeds: [1], env: {}, spawn });

    expect(calls[0]?.jestBin).toMatch(/jest[/\\]bin[/\\]jest\.js$/);
  });
});

describe('jestArgsFor', () => {
  it('puts the seed and output file before the user’s arguments', () => {
    expect(jestArgsFor(-3, '/t/o.json', ['a.test.ts'])).toEqual([
      '--ci',
      '--randomize',
      '--seed=-3',
      '--json',
      '--outputFile=/t/o.json',
      'a.test.ts',
    ]);
  });
});

describe('untrackedEnv', () => {
  it('turns tracking off and drops the output and worker folder of an outer run, keeping the rest', () => {
    const env = { JEST_PERF: '1', JEST_PERF_OUTPUT: 'o', JEST_PERF_WORKER_DIR: 'w', JEST_PERF_SKIP_TAGS: 'slow' };

    expect(untrackedEnv(env)).toEqual({ JEST_PERF: '0', JEST_PERF_SKIP_TAGS: 'slow' });
    expect(env.JEST_PERF).toBe('1');
  });
});

describe('spawnJest', () => {
  it('runs the bin with node in cwd and env, and keeps the end of stderr', async () => {
    const bin = path.join(root, 'bin.js');
    fs.writeFileSync(
      bin,
      `process.stderr.write('x'.repeat(20000) + '\\nend ' + process.argv.slice(2).join(' ') + ' ' + process.cwd() + ' ' + process.env.MARK);
       process.exit(3);`,
    );

    const exit = await spawnJest({ jestBin: bin, args: ['--a', 'b'], cwd: root, env: { MARK: 'm1' } });

    expect(exit.status).toBe(3);
    expect(exit.stderrTail).toHaveLength(8000);
    expect(exit.stderrTail.endsWith(`\nend --a b ${root} m1`)).toBe(true);
  });

  it('rejects when the process cannot start', async () => {
    await expect(
      spawnJest({ jestBin: 'bin.js', args: [], cwd: path.join(root, 'missing-dir'), env: {} }),
    ).rejects.toThrow();
  });
});
