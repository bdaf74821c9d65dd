import * as path from 'node:path';
import { JEST_PERF_CLI, writeFileAtomic, writeFlakyReport } from '@jest-perf/core';
import { oneOf, optionalString, positiveInt } from '../args';
import type { CommandModule } from '../command';
import { type CliIo, EXIT } from '../io';
import { aggregateFlaky, hasFailures } from '../jest/flaky/aggregate';
import { renderFlakyMarkdown, summaryLine } from '../jest/flaky/renderFlaky';
import { runFlaky } from '../jest/flaky/runFlaky';
import { isSeed, MAX_SEED, MIN_SEED, randomSeed, seedsFrom } from '../jest/flaky/seeds';
import { openProject } from '../project';
import { usageError } from '../usageError';

export interface FlakyOptions {
  root: string;
  runs: number;
  /** First seed; a random one (printed) when omitted. */
  seed: number | undefined;
  format: 'markdown' | 'json';
  out: string | undefined;
  jestBin: string | undefined;
  jestArgs: string[];
}

const EXAMPLE = `${JEST_PERF_CLI} flaky --runs 20 -- src/orders`;
export const DEFAULT_RUNS = 20;
/** Jest flags this command sets itself for every run. */
const OWN_JEST_FLAGS = ['--randomize', '--seed', '--json', '--outputFile', '--watch', '--watchAll'];

function parseSeed(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !isSeed(value)) {
    throw usageError(
      `--seed must be a whole number from ${MIN_SEED} to ${MAX_SEED}, Jest's seed range (got ${String(value)})`,
      `${JEST_PERF_CLI} flaky --seed 1234`,
    );
  }
  return value;
}

function checkJestArgs(args: string[]): string[] {
  for (const arg of args) {
    const flag = arg.split('=')[0] ?? arg;
    if (OWN_JEST_FLAGS.includes(flag)) {
      throw usageError(
        `${flag} after -- clashes with what jest-perf flaky passes to Jest (--randomize --seed --json --outputFile); ` +
          'use --seed/--runs of jest-perf flaky instead',
        EXAMPLE,
      );
    }
  }
  return args;
}

/** `jest-perf flaky`: N runs of `jest --randomize`, one seed each; exit 1 when a test flaked or broke. */
export const flakyCommand: CommandModule<FlakyOptions> = {
  command: 'flaky',
  describe: 'Run Jest N times with --randomize and report flaky tests, the flake rate and reproducing seeds',
  example: EXAMPLE,
  builder: (yargs) =>
    yargs
      .option('runs', { type: 'number', requiresArg: true, default: DEFAULT_RUNS, describe: 'randomized Jest runs' })
      .option('seed', {
        type: 'number',
        requiresArg: true,
        describe: 'seed of the first run (run i uses seed + i); default random, printed',
      })
      .option('format', { choices: ['markdown', 'json'], default: 'markdown' })
      .option('out', { type: 'string', describe: 'also write the report to this file' })
      .option('jest-bin', { type: 'string', describe: 'Jest bin script (default: the project’s jest)' })
      .parserConfiguration({ 'populate--': true }),
  parse(args) {
    const passThrough = Array.isArray(args['--']) ? args['--'].map(String) : [];
    return {
      root: String(args.root),
      runs: positiveInt(args.runs, 'runs', EXAMPLE) ?? DEFAULT_RUNS,
      seed: parseSeed(args.seed),
      format: oneOf(args.format ?? 'markdown', ['markdown', 'json'] as const, 'format', EXAMPLE),
      out: optionalString(args.out),
      jestBin: optionalString(args['jest-bin']),
      jestArgs: checkJestArgs(passThrough),
    };
  },
  async run(options, io: CliIo) {
    const { config, paths } = openProject(options.root);
    const first = options.seed ?? randomSeed();
    const seeds = seedsFrom(first, options.runs);
    // JSON on stdout stays parseable: progress then goes to stderr.
    const progress = options.format === 'json' && !options.out ? io.err : io.out;
    progress(`Running Jest ${options.runs} times with --randomize from seed ${first} (repeat: --seed ${first})`);
    const outcomes = await runFlaky({
      rootDir: config.rootDir,
      seeds,
      jestBin: options.jestBin && path.resolve(io.cwd, options.jestBin),
      jestArgs: options.jestArgs,
      env: io.env,
      onRun: (index, outcome) => {
        const failed = outcome.tests.filter((t) => t.status === 'failed').length;
        const broken = outcome.files.filter((f) => f.failure !== undefined).length;
        const files = broken > 0 ? `, ${broken} file(s) failed to run` : '';
        progress(
          `  run ${index}/${options.runs} (seed ${outcome.seed}): ${outcome.tests.length} tests, ${failed} failed${files}`,
        );
      },
    });
    const report = aggregateFlaky(outcomes, { jestArgs: options.jestArgs });
    writeFlakyReport(paths.flaky, report);
    const text = options.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderFlakyMarkdown(report);
    if (options.out) {
      writeFileAtomic(path.resolve(io.cwd, options.out), text);
      io.out(summaryLine(report));
      io.out(`Report written to ${options.out}`);
    } else {
      io.out(text);
    }
    if (!hasFailures(report)) return EXIT.ok;
    io.err('Flaky or failing tests found: each failing seed reproduces its order (see the reproduce column).');
    return EXIT.failed;
  },
};
