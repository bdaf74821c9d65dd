import * as fs from 'node:fs';
import * as path from 'node:path';
import { type Baseline, type History, type RunFile, readRunFile } from '@jest-perf/core';
import { buildBaseline, writeBaseline } from '@jest-perf/regression';
import { optionalString, positiveInt } from '../args';
import type { CommandModule } from '../command';
import { EXIT } from '../io';
import { loadHistory, loadRun, openProject } from '../project';
import { usageError } from '../usageError';

interface BaselineOptions {
  root: string;
  fromHistory: number | undefined;
  run: string | undefined;
  /** Where to write the baseline instead of the configured `baselinePath` (e.g. one per testbed). */
  baseline: string | undefined;
}

const EXAMPLE = 'jest-perf baseline --from-history 5';

/** `jest-perf baseline`: create or update the committed baseline from the latest run or the history. */
export const baselineCommand: CommandModule<BaselineOptions> = {
  command: 'baseline',
  describe:
    'Create or update the baseline from the latest run, or from the last N runs (--from-history N, recommended)',
  builder: (yargs) =>
    yargs
      .option('from-history', { type: 'number', requiresArg: true, describe: 'use the newest N runs of the history' })
      .option('run', { type: 'string', describe: 'use this run file instead of the latest run' })
      .option('baseline', { type: 'string', describe: 'write this baseline file instead of the configured one' }),
  parse(args) {
    const fromHistory = positiveInt(args['from-history'], 'from-history', EXAMPLE);
    const run = optionalString(args.run);
    if (fromHistory !== undefined && run !== undefined) {
      throw usageError('--from-history and --run both pick the source runs: use one', EXAMPLE);
    }
    return { root: String(args.root), fromHistory, run, baseline: optionalString(args.baseline) };
  },
  run(options, io) {
    const project = openProject(options.root);
    const { config } = project;
    const paths = options.baseline
      ? { ...project.paths, baseline: path.resolve(io.cwd, options.baseline) }
      : project.paths;
    const existed = fs.existsSync(paths.baseline);
    let baseline: Baseline;
    if (options.fromHistory === undefined) {
      baseline = buildBaseline([loadRun(project, options.run, io.cwd)], config);
    } else {
      const history = loadHistory(project, io);
      baseline = buildBaseline({ history, fromHistory: options.fromHistory }, config, {
        fileRuns: readRunsOfWindow(paths.runsDir, history, options.fromHistory),
      });
    }
    writeBaseline(paths.baseline, baseline);
    const runs = baseline.source.runIds.length;
    io.out(
      `${existed ? 'Updated' : 'Created'} ${path.relative(io.cwd, paths.baseline) || paths.baseline} from ${runs} run(s): ` +
        `${Object.keys(baseline.tests).length} tests, ${Object.keys(baseline.suites).length} suites, ${baseline.slowCount} slow.`,
    );
    if (runs < 3)
      io.out('Tip: a baseline from 5+ runs (--from-history 5) knows its own noise and flags fewer false regressions.');
    return EXIT.ok;
  },
};

/**
 * The run files of the history window still in `runs/` (for per-file runtimes, which the history index
 * does not keep). A missing or unreadable one is left out: the baseline then has fewer file samples.
 */
function readRunsOfWindow(runsDir: string, history: History, fromHistory: number): RunFile[] {
  const runs: RunFile[] = [];
  for (const run of history.runs.slice(-fromHistory)) {
    const file = path.join(runsDir, `${run.runId}.json`);
    try {
      runs.push(readRunFile(file));
    } catch {
      // Pruned or corrupt: the tests' baseline is complete without it.
    }
  }
  return runs;
}
