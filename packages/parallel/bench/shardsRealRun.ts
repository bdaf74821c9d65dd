import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { relativePosix } from '@jest-perf/core';
import { balance, createRandom, ratio, row, seconds, writeLatestRun } from './shardsData';

const SHARD_COUNT = 3;
const FILES = 24;
const SEED = 20_261_125;
const REPEATS = 3;

/** 24 files that only sleep (log-normal, median 150 ms) plus two long ones: skewed like the simulation. */
function sleeps(): Map<string, number> {
  const random = createRandom(SEED);
  const durations = new Map<string, number>();
  for (let i = 0; i < FILES; i += 1) {
    durations.set(
      `tests/file-${String(i).padStart(2, '0')}.test.js`,
      Math.round(150 * Math.exp(0.8 * random.normal())),
    );
  }
  durations.set('tests/file-07.test.js', 2_400);
  durations.set('tests/file-19.test.js', 1_600);
  return durations;
}

/** Wall-clock ms of one Jest process on the project (one worker: one machine of a CI matrix), start-up included. */
function runJest(repoRoot: string, root: string, split: 'hash' | 'ours', args: string[]): number {
  const jest = path.join(repoRoot, 'node_modules', 'jest', 'bin', 'jest.js');
  const start = process.hrtime.bigint();
  const result = spawnSync(
    process.execPath,
    [jest, '--maxWorkers=1', '--ci', '--silent', `--cacheDirectory=${path.join(root, 'cache')}`, ...args],
    { cwd: root, encoding: 'utf8', env: { ...process.env, JEST_PERF: '', SHARDS_BENCH_SPLIT: split } },
  );
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`jest ${args.join(' ')} failed:\n${result.stderr}`);
  return ms;
}

/** Each file's runtime in one full run (Jest's endTime - startTime: what the reporter records as runtimeMs). */
function recordRuntimes(repoRoot: string, root: string): Map<string, number> {
  const report = path.join(root, 'record.json');
  runJest(repoRoot, root, 'hash', ['--json', `--outputFile=${report}`]);
  const json = JSON.parse(fs.readFileSync(report, 'utf8')) as {
    testResults: { name: string; startTime: number; endTime: number }[];
  };
  return new Map(json.testResults.map((r) => [relativePosix(root, r.name), r.endTime - r.startTime]));
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/**
 * `--real`: the same comparison with real Jest processes on a small skewed suite of sleeping tests. One full
 * run records each file's runtime into latest.json (what a tracked run leaves); then every shard runs on its
 * own with one worker, the two splits alternating, ${REPEATS} rounds; each shard's time is its median.
 */
export async function realRun(repoRoot: string): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-shards-real-'));
  try {
    const sleepMs = sleeps();
    for (const [file, ms] of sleepMs) {
      const body = `test('sleeps ${ms} ms', () => new Promise((resolve) => setTimeout(resolve, ${ms})));\n`;
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), body);
    }
    const sequencer = path.resolve(__dirname, '..', 'dist', 'sequencer.js');
    // One config (Jest 30 traverses from the cwd even with --config): the environment picks the sequencer.
    const ours = `process.env.SHARDS_BENCH_SPLIT === 'ours' ? ${JSON.stringify(sequencer)} : undefined`;
    fs.writeFileSync(
      path.join(root, 'jest.config.js'),
      `module.exports = { rootDir: __dirname, testEnvironment: 'node', transform: {}, testSequencer: ${ours} };\n`,
    );
    const recorded = recordRuntimes(repoRoot, root);
    writeLatestRun(root, recorded);
    const sum = (values: Iterable<number>) => [...values].reduce((a, b) => a + b, 0);
    console.log(`\n### Real run: ${FILES} files of sleeping tests, --shard i/${SHARD_COUNT}, --maxWorkers=1\n`);
    console.log(
      `${seconds(sum(sleepMs.values()))} s of sleep; the recording run measured ${seconds(sum(recorded.values()))} s of file runtimes.`,
    );
    console.log(`Wall-clock per shard (Jest start-up included), median of ${REPEATS} alternating rounds.\n`);
    const rounds = { hash: [] as number[][], ours: [] as number[][] };
    for (let round = 0; round < REPEATS; round += 1) {
      for (const split of round % 2 === 0 ? (['hash', 'ours'] as const) : (['ours', 'hash'] as const)) {
        const times: number[] = [];
        for (let index = 1; index <= SHARD_COUNT; index += 1) {
          times.push(runJest(repoRoot, root, split, [`--shard=${index}/${SHARD_COUNT}`]));
        }
        rounds[split].push(times);
      }
    }
    const shardMedians = (split: 'hash' | 'ours') =>
      Array.from({ length: SHARD_COUNT }, (_, i) => median(rounds[split].map((times) => times[i] ?? 0)));
    const jest = balance(shardMedians('hash'));
    const ourTimes = balance(shardMedians('ours'));
    console.log(row(['split', 'shard times s', 'max s', 'max/mean', 'max/min']));
    console.log(row(['---', '---', '---:', '---:', '---:']));
    for (const [name, b] of [
      ["Jest's hash", jest],
      ['ours', ourTimes],
    ] as const) {
      console.log(
        row([name, b.totals.map(seconds).join(' / '), seconds(b.max), ratio(b.max, b.mean), ratio(b.max, b.min)]),
      );
    }
    console.log(`\nSlowest shard, Jest / ours: **${ratio(jest.max, ourTimes.max)}×**.`);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}
