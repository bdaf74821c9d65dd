import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  BASELINE_VERSION,
  type Baseline,
  type BaselineOverrides,
  BUILD_BASELINE,
  type History,
  JEST_PERF_CLI,
  JestPerfError,
  type RunFile,
  readRunFile,
  TRACK_RUN,
} from '@jest-perf/core';
import { buildBaseline, readBaseline, writeBaseline } from '@jest-perf/regression';
import { historyWithout, type OutlierRun, outlierRuns } from '../analysis/outlierRuns';
import { runCoverage } from '../analysis/runCoverage';
import { optionalString, positiveInt } from '../args';
import type { CommandModule } from '../command';
import { type CliIo, EXIT, type ExitCode } from '../io';
import { loadHistory, loadRun, openProject } from '../project';
import { usageError } from '../usageError';

interface BaselineOptions {
  root: string;
  fromHistory: number | undefined;
  run: string | undefined;
  /** Build from empty, incomplete or failing runs, or shrink the baseline, anyway. */
  force: boolean;
  /** Where to write the baseline instead of the configured `baselinePath` (e.g. one per testbed). */
  baseline: string | undefined;
  /** Rewrite the baseline in the current format, statistics and overrides unchanged. */
  migrate: boolean;
  /** Run ids left out of the `--from-history` window (it then takes the newest N other runs). */
  exclude: string[];
}

const EXAMPLE = BUILD_BASELINE;

/** `jest-perf baseline`: create or update the committed baseline from the latest run or the history. */
export const baselineCommand: CommandModule<BaselineOptions> = {
  command: 'baseline',
  describe:
    'Create or update the baseline from the latest run, or from the last N runs (--from-history N, recommended)',
  example: EXAMPLE,
  builder: (yargs) =>
    yargs
      .option('from-history', { type: 'number', requiresArg: true, describe: 'use the newest N runs of the history' })
      .option('run', { type: 'string', describe: 'use this run file instead of the latest run' })
      .option('force', {
        type: 'boolean',
        default: false,
        describe: 'build from empty, incomplete or failing runs, or drop tests from the baseline, anyway',
      })
      .option('baseline', { type: 'string', describe: 'write this baseline file instead of the configured one' })
      .option('migrate', {
        type: 'boolean',
        default: false,
        describe: 'rewrite the baseline in the current format, keeping its statistics and overrides',
      })
      .option('exclude', {
        type: 'string',
        array: true,
        describe: 'with --from-history: leave out these run ids (an odd or failing run); N counts the others',
      }),
  parse(args) {
    const fromHistory = positiveInt(args['from-history'], 'from-history', EXAMPLE);
    const run = optionalString(args.run);
    if (fromHistory !== undefined && run !== undefined) {
      throw usageError('--from-history and --run both pick the source runs: use one', EXAMPLE);
    }
    const migrate = args.migrate === true;
    if (migrate && (fromHistory !== undefined || run !== undefined)) {
      throw usageError(
        '--migrate rewrites the baseline as it is: it takes no source runs',
        `${JEST_PERF_CLI} baseline --migrate`,
      );
    }
    const exclude = (Array.isArray(args.exclude) ? args.exclude : [args.exclude]).flatMap(
      (id) => optionalString(id) ?? [],
    );
    if (exclude.length > 0 && fromHistory === undefined) {
      throw usageError(
        '--exclude leaves runs out of --from-history N: use it with --from-history',
        `${EXAMPLE} --exclude <runId>`,
      );
    }
    return {
      root: String(args.root),
      fromHistory,
      run,
      baseline: optionalString(args.baseline),
      force: args.force === true,
      migrate,
      exclude,
    };
  },
  run(options, io) {
    const project = openProject(options.root);
    const { config } = project;
    const paths = options.baseline
      ? { ...project.paths, baseline: path.resolve(io.cwd, options.baseline) }
      : project.paths;
    if (options.migrate) return migrate(paths.baseline, io);
    const existed = fs.existsSync(paths.baseline);
    const overrides = existed ? previousOverrides(paths.baseline, io) : undefined;
    let baseline: Baseline;
    let sourceRuns: RunFile[];
    if (options.fromHistory === undefined) {
      sourceRuns = [loadRun(project, options.run, io.cwd)];
      baseline = buildBaseline(sourceRuns, config, { overrides });
      if (!options.force) refuseBadSource(sourceRuns, baseline, existed ? paths.baseline : null);
    } else {
      const history = historyOfWindow(loadHistory(project, io), options.exclude);
      sourceRuns = readRunsOfWindow(paths.runsDir, history, options.fromHistory);
      baseline = buildBaseline({ history, fromHistory: options.fromHistory }, config, {
        fileRuns: sourceRuns,
        overrides,
      });
      const again = fromHistoryCommand(options.fromHistory, options.exclude);
      if (!options.force) refuseBadSource(sourceRuns, baseline, existed ? paths.baseline : null, again);
      for (const odd of outlierRuns(history, options.fromHistory)) io.err(outlierWarning(odd, again));
    }
    if (existed) {
      // The baseline replaced stays beside it: `mv baseline.prev.json baseline.json` undoes this command.
      fs.copyFileSync(paths.baseline, prevPath(paths.baseline));
    }
    writeBaseline(paths.baseline, baseline);
    const runs = baseline.source.runIds.length;
    io.out(
      `${existed ? 'Updated' : 'Created'} ${path.relative(io.cwd, paths.baseline) || paths.baseline} from ${runs} run(s): ` +
        `${contents(baseline)}, ${baseline.slowCount} slow.`,
    );
    if (existed) io.out(`The previous baseline is kept as ${path.relative(io.cwd, prevPath(paths.baseline))}.`);
    if (overrides && Object.keys({ ...overrides.tests, ...overrides.files }).length > 0) {
      io.out(keptLine(overrides, baseline.overrides));
    }
    if (options.fromHistory !== undefined && runs < options.fromHistory) {
      io.out(
        `Only ${count(runs, 'run')} ${runs === 1 ? 'is' : 'are'} stored, of the ${options.fromHistory} asked for: ` +
          `track ${options.fromHistory - runs} more (${TRACK_RUN}), then rebuild the baseline: ${fromHistoryCommand(options.fromHistory, options.exclude)}`,
      );
    } else if (runs < 3) {
      io.out('Tip: a baseline from 5+ runs (--from-history 5) knows its own noise and flags fewer false regressions.');
    }
    return EXIT.ok;
  },
};

/** The `baseline --from-history` call that builds the same window again. */
function fromHistoryCommand(fromHistory: number, exclude: readonly string[]): string {
  return `${JEST_PERF_CLI} baseline --from-history ${fromHistory}${exclude.map((id) => ` --exclude ${id}`).join('')}`;
}

/** `1 test` or `7 tests`. */
function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** `7 tests in 3 files (1 folder)`: the baseline's suites are the test files' folders. */
function contents(baseline: Baseline): string {
  const files = new Set(Object.values(baseline.tests).map((test) => test.file)).size;
  const tests = Object.keys(baseline.tests).length;
  return `${count(tests, 'test')} in ${count(files, 'file')} (${count(Object.keys(baseline.suites).length, 'folder')})`;
}

/**
 * The overrides of the baseline being replaced: a user set them by hand, a rebuild keeps them. An unreadable
 * previous baseline has none to keep (it is still saved as .prev), which is said.
 */
function previousOverrides(file: string, io: CliIo): BaselineOverrides | undefined {
  try {
    return readBaseline(file, { onNote: () => undefined }).overrides;
  } catch (error) {
    io.err(
      `jest-perf: the previous baseline is unreadable, so no threshold override is kept from it (${error instanceof Error ? error.message : String(error)})`,
    );
    return undefined;
  }
}

/** `Overrides kept: 2 test(s), 1 file(s); dropped (no longer in the baseline): a › gone`. */
function keptLine(before: BaselineOverrides, after: BaselineOverrides): string {
  const dropped = [
    ...Object.keys(before.tests).filter((id) => !(id in after.tests)),
    ...Object.keys(before.files).filter((file) => !(file in after.files)),
  ];
  const kept = `Overrides kept: ${Object.keys(after.tests).length} test(s), ${Object.keys(after.files).length} file(s)`;
  return dropped.length > 0 ? `${kept}; dropped (no longer in the baseline): ${dropped.join(', ')}` : `${kept}.`;
}

/** `--migrate`: the baseline rewritten in the current format, the old file kept as .prev. */
function migrate(file: string, io: CliIo): ExitCode {
  let migrated = false;
  const baseline = readBaseline(file, { onNote: () => (migrated = true) });
  const shown = path.relative(io.cwd, file) || file;
  if (!migrated) {
    io.out(`${shown} is already in format ${BASELINE_VERSION}: nothing to migrate.`);
    return EXIT.ok;
  }
  fs.copyFileSync(file, prevPath(file));
  writeBaseline(file, baseline);
  const count = Object.keys(baseline.overrides.tests).length;
  io.out(
    `Migrated ${shown} to format ${BASELINE_VERSION}: statistics unchanged, ${count} hand-set test threshold(s) kept as overrides. ` +
      `The previous file is kept as ${path.relative(io.cwd, prevPath(file))}.`,
  );
  return EXIT.ok;
}

/** `baseline.json` → `baseline.prev.json`. */
function prevPath(file: string): string {
  const ext = path.extname(file);
  return `${file.slice(0, file.length - ext.length)}.prev${ext || '.json'}`;
}

/**
 * A baseline built from a run that timed nothing, did not finish or had failures, or one that drops tests of
 * the baseline it replaces, is refused unless `--force`: committed, it would make later checks pass by
 * comparing against too little.
 * @throws JestPerfError `JEST_PERF_USAGE` saying why and how to go on.
 */
function refuseBadSource(
  runs: readonly RunFile[],
  baseline: Baseline,
  previousFile: string | null,
  again?: string,
): void {
  const coverage = runCoverage(runs);
  const refuse = (why: string, bad: readonly RunFile[] = []): never => {
    // A window can go on without its bad runs: name them and the command that leaves them out.
    const leaveOut =
      again && bad.length > 0 ? `, leave them out (${again} ${bad.map((r) => `--exclude ${r.runId}`).join(' ')})` : '';
    throw new JestPerfError('JEST_PERF_USAGE', `Not building the baseline: ${why}`, {
      fix: `track complete, passing runs of the whole suite first (${TRACK_RUN})${leaveOut}, or pass --force`,
    });
  };
  const ranNothing = runs.filter((run) => !run.tests.some((t) => t.status === 'passed' || t.status === 'failed'));
  if (runs.length > 1 && ranNothing.length > 0) {
    refuse(`${ranNothing.map((r) => r.runId).join(', ')} timed no test`, ranNothing);
  }
  if (coverage.ran === 0 || Object.keys(baseline.tests).length === 0) refuse('the source run(s) timed no test');
  const incomplete = runs.filter((run) => run.incomplete);
  if (coverage.incomplete.length > 0) {
    refuse(`incomplete source run(s): ${coverage.incomplete.join(' | ')}`, incomplete);
  }
  const failing = runs.filter((run) => run.tests.some((t) => t.status === 'failed'));
  if (coverage.failed > 0) {
    refuse(
      `${coverage.failed} test(s) failed in the source run(s) (${failing.map((r) => r.runId).join(', ')})`,
      failing,
    );
  }
  if (previousFile) {
    let before = 0;
    try {
      before = Object.keys((JSON.parse(fs.readFileSync(previousFile, 'utf8')) as Baseline).tests ?? {}).length;
    } catch {
      // An unreadable previous baseline has nothing to lose; it is still kept as .prev.
    }
    const after = Object.keys(baseline.tests).length;
    if (after < before) refuse(`it would shrink the baseline from ${before} to ${after} tests`);
  }
}

/** The history without the `--exclude`d runs. @throws JestPerfError `JEST_PERF_USAGE` for a run it does not hold. */
function historyOfWindow(history: History, exclude: readonly string[]): History {
  const held = new Set(history.runs.map((run) => run.runId));
  const unknown = exclude.find((id) => !held.has(id));
  if (unknown !== undefined) {
    throw new JestPerfError('JEST_PERF_USAGE', `--exclude ${unknown}: no such run in the history`, {
      fix: `name a run id of .jest-perf/runs/ (the newest: ${
        history.runs
          .slice(-3)
          .map((r) => r.runId)
          .join(', ') || 'none'
      })`,
    });
  }
  return historyWithout(history, new Set(exclude));
}

/** The warning for a window run far outside the others, with the command that leaves it out. */
function outlierWarning(odd: OutlierRun, again: string): string {
  const parts = [`${odd.testsOutside} of ${odd.testsCompared} tests outside their usual range`];
  if (odd.wholeRatio !== null) parts.push(`whole run ${odd.wholeRatio.toFixed(1)}× the others' median`);
  return (
    `jest-perf: run ${odd.runId} is far outside the others of the window (${parts.join('; ')}): ` +
    `a slowdown or a busy machine would then count as normal. Leave it out: ${again} --exclude ${odd.runId}`
  );
}

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
