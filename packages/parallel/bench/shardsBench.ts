/*
 * pnpm bench:shards — how evenly `--shard i/n` splits a suite: Jest's own split (the sha1 of each file's
 * path, from the real @jest/test-sequencer) vs ours (the real BalancedSequencer: longest-processing-time by
 * recorded duration), side by side on the same files. Simulated from recorded durations: a shard's time is
 * the sum of its files' durations (n machines, one worker each, Jest's start-up left out). Seeded: every run
 * prints the same numbers. `--real` adds a real Jest run of a small skewed suite (shardsRealRun.ts).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Test } from '@jest/test-result';
import TestSequencer from '@jest/test-sequencer';
import { type RunFile, readRunFile, relativePosix } from '@jest-perf/core';
import { loadFileDurations } from '../dist/fileDurations';
import BalancedSequencer from '../dist/sequencer';
import { balance, createRandom, ratio, row, seconds, writeLatestRun } from './shardsData';
import { realRun } from './shardsRealRun';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const EXAMPLE_ROOT = path.join(REPO_ROOT, 'examples', 'clinical-analytics');
const TARGET = 1.1;
const SEED = 20_261_124;

/** Files to shard and the time each one takes in the simulation. */
interface Suite {
  title: string;
  rootDir: string;
  /** Root-relative POSIX paths. */
  files: string[];
  timeOf(file: string): number;
  shardCounts: number[];
}

type Sequencer = Pick<TestSequencer, 'shard'>;

const newSequencer = <T>(Class: new (options: ConstructorParameters<typeof TestSequencer>[0]) => T): T =>
  // The default shard() reads neither option; Jest passes the contexts and the global config.
  new Class({ contexts: [], globalConfig: {} } as unknown as ConstructorParameters<typeof TestSequencer>[0]);

/** Every shard's files, as Jest would run them (`--shard 1/n` … `n/n`); throws unless each file is in one. */
async function split(sequencer: Sequencer, suite: Suite, shardCount: number): Promise<string[][]> {
  const tests = suite.files.map(
    (file) =>
      // Only path and context.config.rootDir are read by either shard().
      ({ path: path.join(suite.rootDir, file), context: { config: { rootDir: suite.rootDir } } }) as unknown as Test,
  );
  const shards: string[][] = [];
  for (let shardIndex = 1; shardIndex <= shardCount; shardIndex += 1) {
    const picked = await sequencer.shard(tests, { shardIndex, shardCount });
    shards.push(picked.map((test) => relativePosix(suite.rootDir, test.path)));
  }
  const all = shards.flat().sort();
  if (all.join('\n') !== [...suite.files].sort().join('\n')) {
    throw new Error(`${suite.title}: the ${shardCount} shards do not hold every file exactly once`);
  }
  return shards;
}

async function printSuite(suite: Suite): Promise<void> {
  const times = suite.files.map((file) => suite.timeOf(file));
  const total = times.reduce((a, b) => a + b, 0);
  console.log(`\n### ${suite.title}\n`);
  console.log(
    `${suite.files.length} files, ${seconds(total)} s in all, longest file ${seconds(Math.max(...times))} s.\n`,
  );
  console.log(
    row([
      'shards',
      'mean shard s',
      'Jest: max s',
      'max/mean',
      'max/min',
      'ours: max s',
      'max/mean',
      'max/min',
      'best possible max/mean',
      'slowest shard, Jest / ours',
      `ours ≤ ${TARGET.toFixed(2)}`,
    ]),
  );
  console.log(row(['---:', ...Array.from({ length: 9 }, () => '---:'), '---']));
  for (const n of suite.shardCounts) {
    const timed = (shards: string[][]) =>
      balance(shards.map((files) => files.reduce((sum, file) => sum + suite.timeOf(file), 0)));
    const jest = timed(await split(newSequencer(TestSequencer), suite, n));
    const ours = timed(await split(newSequencer(BalancedSequencer), suite, n));
    // No split beats the longest file or an even share: the honest floor for max/mean.
    const bound = Math.max(Math.max(...times), total / n) / (total / n);
    const verdict =
      ours.max / ours.mean <= TARGET
        ? 'yes'
        : ours.max <= (bound * total * 1.005) / n
          ? 'no split can: ours is the best possible'
          : bound > TARGET
            ? 'no split can; ours is above the best possible'
            : 'no';
    console.log(
      row([
        String(n),
        seconds(ours.mean),
        seconds(jest.max),
        ratio(jest.max, jest.mean),
        ratio(jest.max, jest.min),
        seconds(ours.max),
        ratio(ours.max, ours.mean),
        ratio(ours.max, ours.min),
        bound.toFixed(2),
        `**${ratio(jest.max, ours.max)}×**`,
        verdict,
      ]),
    );
  }
}

function testFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => file.endsWith('.test.ts') && !file.endsWith('.integration.test.ts'));
}

/** The example as its testMatch sees it (tests/**, real-LLM integration files left out), timed by the baseline. */
function exampleSuites(tmp: string): Suite[] {
  const files = testFiles(path.join(EXAMPLE_ROOT, 'tests'))
    .map((file) => `tests/${file}`)
    .sort();
  const { source, durations } = loadFileDurations(EXAMPLE_ROOT);
  const known = files.map((file) => durations.get(file)).filter((d): d is number => d !== undefined);
  const fallback = known.reduce((a, b) => a + b, 0) / Math.max(1, known.length);
  const unknown = files.length - known.length;
  const suites: Suite[] = [
    {
      title: `Example (examples/clinical-analytics): durations from the committed ${source} (sum of test medians + 100 ms per file)${unknown > 0 ? `, ${unknown} files without a record at the mean` : ''}`,
      rootDir: EXAMPLE_ROOT,
      files,
      timeOf: (file) => durations.get(file) ?? fallback,
      shardCounts: [2, 3, 4, 8],
    },
  ];
  // latest.json is not committed: when a full run of the example is there, time the same splits (still planned
  // on the baseline) by what each file really took, to show what the baseline's model misses.
  const latest = path.join(EXAMPLE_ROOT, '.jest-perf', 'latest.json');
  if (fs.existsSync(latest)) {
    let run: RunFile;
    try {
      run = readRunFile(latest);
    } catch (error) {
      console.log(`\n(${latest} left out: ${error instanceof Error ? error.message : String(error)})`);
      return suites;
    }
    const measured = new Map(run.files.map((file) => [file.path, file.runtimeMs]));
    if (run.shard === null && files.every((file) => measured.has(file))) {
      suites.push({
        title: `Example, same splits (planned on the ${source}), timed by each file's measured runtime in the last full run (${run.runId})`,
        rootDir: EXAMPLE_ROOT,
        files,
        timeOf: (file) => measured.get(file) ?? 0,
        shardCounts: [2, 3, 4, 8],
      });
      // What the sequencer does with that latest.json and no baseline: plan on the file runtimes themselves.
      const rootDir = path.join(tmp, 'example-latest');
      writeLatestRun(rootDir, measured);
      suites.push({
        title: 'Example, planned and timed on those measured runtimes (the sequencer with latest.json and no baseline)',
        rootDir,
        files,
        timeOf: (file) => measured.get(file) ?? 0,
        shardCounts: [2, 3, 4, 8],
      });
    }
  }
  return suites;
}

/**
 * 400 files, log-normal (median 2 s, σ = 1), plus four very long files (90–180 s) at random places: the skew
 * that makes a path hash give one machine twice the work of another. The sequencer reads the durations from a
 * latest.json in a temp project. A second suite times the same splits with ±20 % run-to-run noise on every file.
 */
function syntheticSuites(rootDir: string): Suite[] {
  const random = createRandom(SEED);
  const areas = ['api', 'billing', 'cohort', 'export', 'ingest', 'auth', 'report', 'search', 'ui', 'util'];
  const durations = new Map<string, number>();
  for (let i = 0; i < 400; i += 1) {
    const area = areas[Math.floor(random.next() * areas.length)] as string;
    durations.set(`src/${area}/feature-${i}.test.ts`, Math.max(50, Math.round(2000 * Math.exp(random.normal()))));
  }
  const files = [...durations.keys()];
  for (const [i, ms] of [180_000, 150_000, 120_000, 90_000].entries()) {
    // One long file in each quarter of the list: four different files.
    durations.set(files[Math.floor(((i + random.next()) * files.length) / 4)] as string, ms);
  }
  writeLatestRun(rootDir, durations);
  const sigma = Math.sqrt(Math.log1p(0.2 ** 2));
  const noisy = new Map(
    files.map((file) => [file, (durations.get(file) as number) * Math.exp(sigma * random.normal() - sigma ** 2 / 2)]),
  );
  const shardCounts = [2, 3, 4, 8, 16];
  return [
    { title: 'Synthetic skewed suite (seeded)', rootDir, files, timeOf: (f) => durations.get(f) ?? 0, shardCounts },
    {
      title: 'Same synthetic splits, each file timed with log-normal noise (CV 20 %) around its recorded duration',
      rootDir,
      files,
      timeOf: (f) => noisy.get(f) ?? 0,
      shardCounts,
    },
  ];
}

async function main(): Promise<void> {
  console.log("## Shards: Jest's `--shard` (path hash) vs jest-perf's sequencer (longest-processing-time)\n");
  console.log('Simulated from recorded durations: a shard takes the sum of its files’ durations (one worker per');
  console.log('machine, Jest start-up left out). Both splits come from the real sequencers on the same file paths.');
  console.log('"best possible" = max(longest file, total / n) / mean: no split does better.');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-shards-bench-'));
  try {
    for (const suite of [...exampleSuites(tmp), ...syntheticSuites(tmp)]) await printSuite(suite);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  if (process.argv.includes('--real')) await realRun(REPO_ROOT);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
