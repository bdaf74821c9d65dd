import * as fs from 'node:fs';
import * as path from 'node:path';
import { JestPerfError, type RunFile, readLatestRun } from '@jest-perf/core';
import {
  BASELINE_FIX,
  type CompareResult,
  compareRun,
  detectTrends,
  formatCounts,
  formatSlowCount,
  formatVerdict,
  newestRuns,
  readBaseline,
} from '@jest-perf/regression';
import { confirmRegressions, filesToConfirm } from '../analysis/confirm';
import { rerunFiles } from '../analysis/rerunFiles';
import { coverageLine, runCoverage } from '../analysis/runCoverage';
import { optionalString, positiveInt } from '../args';
import type { CommandModule } from '../command';
import { type CliIo, EXIT } from '../io';
import { loadHistory, openProject } from '../project';
import { buildReport } from '../report/buildReport';
import { formatSpeed } from '../report/formatSpeed';
import { appendStepSummary, githubAnnotations } from '../report/github';
import { renderMarkdown } from '../report/renderMarkdown';
import { usageError } from '../usageError';

interface CheckOptions {
  root: string;
  confirm: number | undefined;
  last: number | undefined;
  requireBaseline: boolean;
  normalizeSpeed: boolean;
  jestBin: string | undefined;
  jestArgs: string[];
  /** Judge a run that is incomplete or timed no test, saying what it covers, instead of refusing it. */
  allowPartial: boolean;
  /** The baseline to check against instead of the configured `baselinePath` (e.g. one per testbed). */
  baseline: string | undefined;
}

const EXAMPLE = 'jest-perf check --confirm 3';

/** Minor changes printed at most (the largest first): information, not a verdict. */
const MINOR_SHOWN = 10;

function byImpact(a: { deltaMs?: number }, b: { deltaMs?: number }): number {
  return (b.deltaMs ?? 0) - (a.deltaMs ?? 0);
}

function printVerdicts(result: CompareResult, io: CliIo): void {
  const { context } = result;
  const base = context.testbed.baseline?.key ?? 'not recorded';
  io.out(`baseline: ${context.baselineRuns} run(s) on ${base}; this run: ${context.testbed.current.key}`);
  for (const note of context.notes) io.out(note);
  const speed = formatSpeed(result.speed);
  if (speed) io.out(speed);
  const all = [...result.suites, ...result.tests];
  for (const verdict of all.filter((v) => v.kind === 'regressed').sort(byImpact)) {
    io.out(`  regressed    ${formatVerdict(verdict)}`);
  }
  if (result.slowCount.kind === 'regressed') io.out(`  regressed    ${formatSlowCount(result.slowCount)}`);
  const unconfirmed = all.filter((v) => v.kind === 'unconfirmed').sort(byImpact);
  for (const verdict of unconfirmed) io.out(`  unconfirmed  ${formatVerdict(verdict)}`);
  if (unconfirmed.length > 0) {
    io.out(`  → rerun the files of the ${unconfirmed.length} unconfirmed change(s): npx jest-perf check --confirm 3`);
  }
  const minor = all.filter((v) => v.kind === 'minor').sort(byImpact);
  for (const verdict of minor.slice(0, MINOR_SHOWN)) io.out(`  minor        ${formatVerdict(verdict)}`);
  if (minor.length > MINOR_SHOWN)
    io.out(`  … and ${minor.length - MINOR_SHOWN} more minor change(s) (under the minimum impact)`);
  io.out(`tests: ${formatCounts(result.summary.tests)}`);
  io.out(`files, start-up, hooks, whole run: ${formatCounts(result.summary.suites)}`);
}

/**
 * A run that timed no test, or that did not finish, would pass the check by covering nothing: refused unless
 * `--allow-partial` (then the verdict says how much it covers).
 * @throws JestPerfError `JEST_PERF_NO_RUN_DATA` naming why and the fix.
 */
function refusePartial(runs: readonly RunFile[], allowPartial: boolean): void {
  if (allowPartial) return;
  const coverage = runCoverage(runs);
  if (coverage.ran === 0) {
    throw new JestPerfError(
      'JEST_PERF_NO_RUN_DATA',
      'The latest run timed no test: a check of it would pass by checking nothing',
      {
        fix: 'track a run that runs the suite (no name pattern or tag filter that matches nothing), or pass --allow-partial',
      },
    );
  }
  if (coverage.incomplete.length > 0) {
    throw new JestPerfError(
      'JEST_PERF_NO_RUN_DATA',
      `The run is incomplete (${coverage.incomplete.join(' | ')}): its verdict would cover part of the suite`,
      { fix: 'track a complete run, or pass --allow-partial to judge what it covers' },
    );
  }
}

/** `jest-perf check`: the CI gate. 0 ok, 1 regression, 2 usage or data error. */
export const checkCommand: CommandModule<CheckOptions> = {
  command: 'check',
  describe: 'Check the latest run against the baseline (exit 1 on a regression); --confirm K reruns regressed files',
  builder: (yargs) =>
    yargs
      .option('confirm', {
        type: 'number',
        requiresArg: true,
        describe: 'rerun the files with regressions K times; fail only if it holds',
      })
      .option('last', {
        type: 'number',
        requiresArg: true,
        describe: 'compare the median of the newest N stored runs',
      })
      .option('require-baseline', {
        type: 'boolean',
        default: false,
        describe: 'exit 2 instead of skipping without a baseline',
      })
      .option('normalize-speed', {
        type: 'boolean',
        default: true,
        describe: 'compare each test with its baseline scaled by how much slower the whole run was (a busy machine)',
      })
      .option('allow-partial', {
        type: 'boolean',
        default: false,
        describe: 'judge an incomplete run or one that ran no test instead of refusing it (exit 2)',
      })
      .option('baseline', {
        type: 'string',
        describe: 'check against this baseline file instead of the configured one',
      })
      .option('jest-bin', { type: 'string', describe: 'Jest bin script for --confirm (default: the project’s jest)' })
      .parserConfiguration({ 'populate--': true }),
  parse(args) {
    const confirm = positiveInt(args.confirm, 'confirm', EXAMPLE);
    const last = positiveInt(args.last, 'last', 'jest-perf check --last 3');
    if (confirm !== undefined && last !== undefined) {
      throw usageError('--confirm reruns the latest run’s regressions; --last reads history: use one', EXAMPLE);
    }
    const passThrough = Array.isArray(args['--']) ? args['--'].map(String) : [];
    return {
      root: String(args.root),
      confirm,
      last,
      requireBaseline: args['require-baseline'] === true,
      normalizeSpeed: args['normalize-speed'] !== false,
      jestBin: optionalString(args['jest-bin']),
      jestArgs: passThrough,
      baseline: optionalString(args.baseline),
      allowPartial: args['allow-partial'] === true,
    };
  },
  run(options, io) {
    const project = openProject(options.root);
    const { config } = project;
    const paths = options.baseline
      ? { ...project.paths, baseline: path.resolve(io.cwd, options.baseline) }
      : project.paths;
    if (!fs.existsSync(paths.baseline)) {
      if (options.requireBaseline) readBaseline(paths.baseline);
      io.out(`Skipped: Baseline not found (${paths.baseline}). ${BASELINE_FIX}`);
      return EXIT.ok;
    }
    const baseline = readBaseline(paths.baseline, { onNote: (note) => io.err(`jest-perf: ${note}`) });
    const latest = readLatestRun(paths);
    const current = options.last !== undefined ? newestRuns(paths, options.last) : [latest];
    refusePartial(current, options.allowPartial);
    const verdictOptions = { thresholds: config.thresholds, normalizeSpeed: options.normalizeSpeed };
    const history = io.env.GITHUB_STEP_SUMMARY ? loadHistory(project, io) : null;
    let result =
      options.last !== undefined
        ? compareRun(baseline, current, verdictOptions)
        : compareRun(baseline, latest, verdictOptions);
    const flagged = [...result.tests, ...result.suites].some((v) => v.kind === 'regressed' || v.kind === 'unconfirmed');
    if (flagged && options.confirm !== undefined) {
      const files = filesToConfirm(result, latest);
      io.out(`Regression seen in ${files.length} file(s); rerunning them ${options.confirm} time(s) to confirm…`);
      const reruns = rerunFiles({
        rootDir: config.rootDir,
        files,
        times: options.confirm,
        jestBin: options.jestBin,
        jestArgs: options.jestArgs,
        env: io.env,
        onRerun: (i) => io.out(`  rerun ${i}/${options.confirm}`),
      });
      const runs = [latest, ...reruns];
      result = confirmRegressions(result, compareRun(baseline, runs, { ...verdictOptions, confirmed: true }), runs);
      if (!result.regressed) io.out('Not confirmed: the fastest of the reruns was within the thresholds (noise).');
    }
    io.out(`This check ${coverageLine(Object.keys(baseline.tests), current)}.`);
    printVerdicts(result, io);
    if (io.env.GITHUB_ACTIONS === 'true') for (const line of githubAnnotations(result, latest)) io.out(line);
    const trends = history && history.runs.length > 0 ? detectTrends(history) : null;
    appendStepSummary(io.env, renderMarkdown(buildReport({ run: latest, comparison: result, trends })));
    if (result.regressed) {
      io.err(
        'Performance check FAILED. If the slowdown is intended, update the baseline: npx jest-perf baseline --from-history 5',
      );
      return EXIT.failed;
    }
    io.out('Performance check passed.');
    return EXIT.ok;
  },
};
