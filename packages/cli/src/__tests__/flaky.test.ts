import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type FlakyReport, type JestPerfError, readFlakyReport } from '@jest-perf/core';
import { flakyCommand } from '../commands/flaky';
import type { CliIo } from '../io';
import { resolveJestBin } from '../jest/rerunFiles';
import { runCli } from '../main';
import type { CliResult } from './helpers/project';

let root: string;
beforeEach(() => {
  root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-flaky-')));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

/** The CLI with only the flaky command (the lead registers it in main.ts). */
async function cli(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { cwd: root, env, out: (text) => out.push(text), err: (text) => err.push(text) };
  const code = await runCli(argv, io, [flakyCommand]);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/**
 * A fake Jest bin: `src/a.test.ts › order` fails on seeds listed in $FAILING_SEEDS ("all" = always);
 * logs its argv and JEST_PERF to $FAKE_LOG. Writes nothing when $NO_OUTPUT is set.
 */
const FAKE_JEST = `
const fs = require('node:fs');
const path = require('node:path');
const argv = process.argv.slice(2);
const value = (flag) => argv.find((a) => a.startsWith(flag + '='))?.slice(flag.length + 1);
const seed = Number(value('--seed'));
fs.appendFileSync(process.env.FAKE_LOG, JSON.stringify({ argv, tracking: process.env.JEST_PERF }) + '\\n');
if (process.env.NO_OUTPUT) { console.error('Error: Cannot find module ts-jest'); process.exit(1); }
const failing = process.env.FAILING_SEEDS === 'all' || (process.env.FAILING_SEEDS ?? '').split(',').includes(String(seed));
const order = failing
  ? { ancestorTitles: ['A'], title: 'order', status: 'failed', failureMessages: ['Error: state leaked\\n  at a.test.ts:4'] }
  : { ancestorTitles: ['A'], title: 'order', status: 'passed', failureMessages: [] };
const steady = { ancestorTitles: ['A'], title: 'steady', status: 'passed', failureMessages: [] };
const result = { name: path.join(process.cwd(), 'src', 'a.test.ts'), status: failing ? 'failed' : 'passed', message: '', assertionResults: [order, steady] };
fs.writeFileSync(value('--outputFile'), JSON.stringify({ success: !failing, testResults: [result] }));
process.exit(failing ? 1 : 0);
`;

interface Logged {
  argv: string[];
  tracking: string | undefined;
}

function fakeJest(): { bin: string; log: string; calls(): Logged[] } {
  const bin = path.join(root, 'fake-jest.js');
  const log = path.join(root, 'jest.log');
  fs.writeFileSync(bin, FAKE_JEST);
  const calls = () =>
    fs
      .readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Logged);
  return { bin, log, calls };
}

function parseError(args: Record<string, unknown>): JestPerfError {
  try {
    flakyCommand.parse({ root: '/p', ...args });
  } catch (error) {
    return error as JestPerfError;
  }
  throw new Error('expected a usage error');
}

describe('flaky parse', () => {
  it('defaults to 20 runs, a random seed and markdown', () => {
    expect(flakyCommand.parse({ root: '/p', runs: 20, format: 'markdown' })).toEqual({
      root: '/p',
      runs: 20,
      seed: undefined,
      format: 'markdown',
      out: undefined,
      jestBin: undefined,
      jestArgs: [],
    });
  });

  it('reads the flags and the Jest arguments after --', () => {
    expect(
      flakyCommand.parse({
        root: '/p',
        runs: 5,
        seed: -7,
        format: 'json',
        out: 'flaky.json',
        'jest-bin': 'node_modules/jest/bin/jest.js',
        '--': ['--maxWorkers', 2, 'src/orders'],
      }),
    ).toEqual({
      root: '/p',
      runs: 5,
      seed: -7,
      format: 'json',
      out: 'flaky.json',
      jestBin: 'node_modules/jest/bin/jest.js',
      jestArgs: ['--maxWorkers', '2', 'src/orders'],
    });
  });

  it.each([
    [{ runs: 0 }, '--runs must be a whole number of at least 1 (got 0)'],
    [
      { seed: 2 ** 31 },
      "--seed must be a whole number from -2147483648 to 2147483647, Jest's seed range (got 2147483648)",
    ],
    [{ seed: 1.5 }, '--seed must be a whole number'],
    [{ format: 'html' }, '--format must be one of markdown, json (got html)'],
    [{ '--': ['--seed=3'] }, '--seed after -- clashes with what jest-perf flaky passes to Jest'],
    [{ '--': ['--json'] }, '--json after -- clashes'],
    [{ '--': ['--watch'] }, '--watch after -- clashes'],
  ])('refuses %p with an example', (args, message) => {
    const error = parseError(args);

    expect(error.code).toBe('JEST_PERF_USAGE');
    expect(error.message).toContain(message);
    expect(error.message).toContain('\nExample: npx jest-perf flaky');
  });
});

describe('jest-perf flaky', () => {
  it('runs Jest N times from the first seed, reports the flaky test and its seeds, exits 1', async () => {
    const jest = fakeJest();

    const result = await cli(['flaky', '--runs', '4', '--seed', '10', '--jest-bin', jest.bin, '--', 'src'], {
      FAKE_LOG: jest.log,
      FAILING_SEEDS: '11,13',
      JEST_PERF: '1',
    });

    expect(result.code).toBe(1);
    expect(result.out).toContain('Running Jest 4 times with --randomize from seed 10 (repeat: --seed 10)');
    expect(result.out).toContain('  run 2/4 (seed 11): 2 tests, 1 failed');
    expect(result.out).toContain(
      '4 randomized runs (seeds 10…13): 2 tests, 1 flaky, 0 broken; flake rate 25.00 % (2/8 executions)',
    );
    expect(result.out).toContain(
      '| `src/a.test.ts › A › order` | 2 | 2 | 50.00 % | Error: state leaked | ' +
        '`npx jest --randomize --seed=11 src/a.test.ts` |',
    );
    expect(result.err).toContain('Flaky or failing tests found');
    expect(jest.calls().map((c) => [c.argv[2], c.argv.at(-1), c.tracking])).toEqual([
      ['--seed=10', 'src', '0'],
      ['--seed=11', 'src', '0'],
      ['--seed=12', 'src', '0'],
      ['--seed=13', 'src', '0'],
    ]);
    const saved = readFlakyReport(path.join(root, '.jest-perf', 'flaky.json'));
    expect(saved.seeds).toEqual([10, 11, 12, 13]);
    expect(saved.tests[0]).toMatchObject({ id: 'src/a.test.ts › A › order', status: 'flaky', failingSeeds: [11, 13] });
    expect(saved.summary.flakeRate).toBe(0.25);
    expect(fs.existsSync(path.join(root, '.jest-perf', 'runs'))).toBe(false);
  });

  it('exits 0 when every test passed in every run', async () => {
    const jest = fakeJest();

    const result = await cli(['flaky', '--runs', '2', '--seed', '1', '--jest-bin', jest.bin], { FAKE_LOG: jest.log });

    expect(result.code).toBe(0);
    expect(result.out).toContain('No test failed in any run.');
    expect(result.err).toBe('');
  });

  it('calls a test that fails every run broken, and exits 1', async () => {
    const jest = fakeJest();

    const result = await cli(['flaky', '--runs', '2', '--seed', '1', '--jest-bin', jest.bin], {
      FAKE_LOG: jest.log,
      FAILING_SEEDS: 'all',
    });

    expect(result.code).toBe(1);
    expect(result.out).toContain('## Broken tests (1)');
    expect(readFlakyReport(path.join(root, '.jest-perf', 'flaky.json')).summary.brokenTests).toBe(1);
  });

  it('prints parseable JSON with --format json, progress on stderr', async () => {
    const jest = fakeJest();

    const result = await cli(['flaky', '--runs', '2', '--seed', '3', '--format', 'json', '--jest-bin', jest.bin], {
      FAKE_LOG: jest.log,
      FAILING_SEEDS: '3',
    });

    const report = JSON.parse(result.out) as FlakyReport;
    expect(report.seeds).toEqual([3, 4]);
    expect(report.summary.flakyTests).toBe(1);
    expect(result.err).toContain('  run 1/2 (seed 3): 2 tests, 1 failed');
  });

  it('writes the report to --out and prints the summary line', async () => {
    const jest = fakeJest();

    const result = await cli(
      ['flaky', '--runs', '1', '--seed', '5', '--out', 'docs/flaky.md', '--jest-bin', jest.bin],
      {
        FAKE_LOG: jest.log,
      },
    );

    expect(result.code).toBe(0);
    expect(fs.readFileSync(path.join(root, 'docs', 'flaky.md'), 'utf8')).toMatch(/^# jest-perf flaky\n/);
    expect(result.out).toContain('1 randomized runs (seeds 5): 2 tests, 0 flaky, 0 broken');
    expect(result.out).toContain('Report written to docs/flaky.md');
    expect(result.out).not.toContain('# jest-perf flaky');
  });

  it('prints the random first seed it chose, so the series can be repeated', async () => {
    const jest = fakeJest();

    const result = await cli(['flaky', '--runs', '2', '--jest-bin', jest.bin], { FAKE_LOG: jest.log });

    const printed = Number(/from seed (-?\d+) \(repeat: --seed \1\)/.exec(result.out)?.[1]);
    expect(readFlakyReport(path.join(root, '.jest-perf', 'flaky.json')).seeds[0]).toBe(printed);
  });

  it('exits 2 with the tail of Jest’s stderr when Jest writes no results', async () => {
    const jest = fakeJest();

    const result = await cli(['flaky', '--runs', '3', '--seed', '1', '--jest-bin', jest.bin], {
      FAKE_LOG: jest.log,
      NO_OUTPUT: '1',
    });

    expect(result.code).toBe(2);
    expect(result.err).toContain('Jest wrote no --json results (seed 1, Jest exit 1)');
    expect(result.err).toContain('Error: Cannot find module ts-jest');
    expect(jest.calls()).toHaveLength(1);
    expect(fs.existsSync(path.join(root, '.jest-perf', 'flaky.json'))).toBe(false);
  });

  it('exits 2 on a bad flag', async () => {
    const result = await cli(['flaky', '--runs', '0']);

    expect(result.code).toBe(2);
    expect(result.err).toContain('--runs must be a whole number of at least 1 (got 0)');
  });
});

describe('jest-perf flaky on real Jest', () => {
  it('finds an order-dependent test and a seed that reproduces its failure', async () => {
    fs.writeFileSync(path.join(root, 'jest.config.json'), JSON.stringify({ testEnvironment: 'node', transform: {} }));
    fs.writeFileSync(
      path.join(root, 'order.test.js'),
      `let dirty = false;
test('writes shared state', () => { dirty = true; });
test('expects clean state', () => { expect(dirty).toBe(false); });
test('adds', () => { expect(1 + 1).toBe(2); });
`,
    );
    const jestBin = resolveJestBin(path.resolve(__dirname, '../../../..'));

    const result = await cli(['flaky', '--runs', '4', '--seed', '1', '--jest-bin', jestBin]);

    expect(result.code).toBe(1);
    const report = readFlakyReport(path.join(root, '.jest-perf', 'flaky.json'));
    const flaky = report.tests.filter((t) => t.status === 'flaky');
    expect(flaky.map((t) => t.id)).toEqual(['order.test.js › expects clean state']);
    expect(flaky[0]?.passed).toBeGreaterThan(0);
    expect(flaky[0]?.firstFailure).toMatch(/expect\(received\)\.toBe\(expected\)/);
    expect(report.tests.filter((t) => t.status === 'stable')).toHaveLength(2);

    // The reported seed replays the failing order on its own.
    const seed = flaky[0]?.failingSeeds[0] ?? 0;
    const replay = await cli(['flaky', '--runs', '1', '--seed', String(seed), '--jest-bin', jestBin, '--', 'order']);
    expect(replay.code).toBe(1);
    expect(readFlakyReport(path.join(root, '.jest-perf', 'flaky.json')).tests[0]).toMatchObject({
      id: 'order.test.js › expects clean state',
      status: 'broken',
      failingSeeds: [seed],
    });
  }, 120_000);
});
