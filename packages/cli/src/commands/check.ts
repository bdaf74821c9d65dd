import * as fs from 'node:fs';
import {
  BASELINE_RUNS,
  BUILD_BASELINE,
  CHECK_REPORT_VERSION,
  type CheckReport,
  type DataPaths,
  JEST_PERF_CLI,
  JestPerfError,
  listRunFiles,
  type RunFile,
  readLatestRun,
  TRACK_RUN,
} from '@jest-perf/core';
import { BASELINE_FIX, compareRun, detectTrends, newestRuns, readBaseline } from '@jest-perf/regression';
import { appendStepSummary, buildReport, githubAnnotations, renderMarkdown } from '@jest-perf/report';
import { confirmRegressions, filesToConfirm } from '../analysis/confirm';
import { GATE_OPTIONS, type GateFlags, gateSettings, parseGateFlags } from '../analysis/gateSettings';
import { coverageLine, runCoverage } from '../analysis/runCoverage';
import { nonNegativeInt, oneOf, optionalString, positiveInt } from '../args';
import { buildCheckView, toJson } from '../check/checkReport';
import { renderCheckMarkdown, renderCheckText } from '../check/renderCheck';
import { parseThresholdArg, THRESHOLD_EXAMPLE } from '../check/thresholdArg';
import type { CommandModule } from '../command';
import { type CliIo, EXIT } from '../io';
import { rerunFiles } from '../jest/rerunFiles';
import { loadHistory, openProject } from '../project';
import { usageError } from '../usageError';

interface CheckOptions extends GateFlags {
  root: string;
  confirm: number | undefined;
  last: number | undefined;
  requireBaseline: boolean;
  jestBin: string | undefined;
  jestArgs: string[];
  /** Judge a run that is incomplete or timed no test, saying what it covers, instead of refusing it. */
  allowPartial: boolean;
  format: CheckFormat;
  /** Verdicts listed per kind at most; the counts stay complete. */
  top: number;
}

const FORMATS = ['text', 'json', 'markdown'] as const;
type CheckFormat = (typeof FORMATS)[number];

/** Verdicts of each kind listed by default (the largest first). */
const DEFAULT_TOP = 10;

/** A right call per flag: under a usage error about that flag (from yargs or from parse). */
const FLAG_EXAMPLES = {
  confirm: `${JEST_PERF_CLI} check --confirm 3`,
  last: `${JEST_PERF_CLI} check --last 3`,
  format: `${JEST_PERF_CLI} check --format json`,
  top: `${JEST_PERF_CLI} check --top 20`,
  threshold: THRESHOLD_EXAMPLE,
} as const;

/** Without a run there is nothing to build a baseline from: tracking comes first. */
const TRACK_THEN_BASELINE = `no run is tracked yet: track ${BASELINE_RUNS} runs first (${TRACK_RUN}, once per run), then create the baseline from them: ${BUILD_BASELINE}`;

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
  example: FLAG_EXAMPLES.confirm,
  flagExamples: FLAG_EXAMPLES,
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
      .option('normalize-speed', GATE_OPTIONS['normalize-speed'])
      .option('allow-partial', {
        type: 'boolean',
        default: false,
        describe: 'judge an incomplete run or one that ran no test instead of refusing it (exit 2)',
      })
      .option('baseline', GATE_OPTIONS.baseline)
      .option('threshold', {
        type: 'string',
        requiresArg: true,
        describe: 'thresholds for this check over the config’s: test=20%,suite=15%,minImpact=100ms',
      })
      .option('format', {
        type: 'string',
        default: 'text',
        describe: 'text (terminal), json (for tools; schema in @jest-perf/core) or markdown (PR comment, job summary)',
      })
      .option('top', {
        type: 'number',
        requiresArg: true,
        describe: `verdicts listed per kind (default ${DEFAULT_TOP})`,
      })
      .option('jest-bin', { type: 'string', describe: 'Jest bin script for --confirm (default: the project’s jest)' })
      .parserConfiguration({ 'populate--': true }),
  parse(args) {
    const confirm = positiveInt(args.confirm, 'confirm', FLAG_EXAMPLES.confirm);
    const last = positiveInt(args.last, 'last', FLAG_EXAMPLES.last);
    if (confirm !== undefined && last !== undefined) {
      throw usageError(
        '--confirm reruns the latest run’s regressions; --last reads history: use one',
        FLAG_EXAMPLES.confirm,
      );
    }
    const passThrough = Array.isArray(args['--']) ? args['--'].map(String) : [];
    return {
      root: String(args.root),
      confirm,
      last,
      requireBaseline: args['require-baseline'] === true,
      ...parseGateFlags(args),
      thresholds: parseThresholdArg(args.threshold),
      jestBin: optionalString(args['jest-bin']),
      jestArgs: passThrough,
      allowPartial: args['allow-partial'] === true,
      format: oneOf(args.format ?? 'text', FORMATS, 'format', FLAG_EXAMPLES.format),
      top: nonNegativeInt(args.top, 'top', FLAG_EXAMPLES.top) ?? DEFAULT_TOP,
    };
  },
  run(options, io) {
    const project = openProject(options.root);
    const { config } = project;
    const { paths, verdictOptions, thresholds } = gateSettings(project, options, io.cwd);
    if (!fs.existsSync(paths.baseline)) {
      printSkipped(missingBaseline(paths, options.requireBaseline), options.format, io);
      return EXIT.ok;
    }
    const baseline = readBaseline(paths.baseline, { onNote: (note) => io.err(`jest-perf: ${note}`) });
    const latest = readLatestRun(paths);
    const current = options.last !== undefined ? newestRuns(paths, options.last) : [latest];
    refusePartial(current, options.allowPartial);
    const history = io.env.GITHUB_STEP_SUMMARY ? loadHistory(project, io) : null;
    let result =
      options.last !== undefined
        ? compareRun(baseline, current, verdictOptions)
        : compareRun(baseline, latest, verdictOptions);
    const notes: string[] = [];
    const flagged = [...result.tests, ...result.suites].some((v) => v.kind === 'regressed' || v.kind === 'unconfirmed');
    if (flagged && options.confirm !== undefined) {
      const files = filesToConfirm(result, latest);
      // Progress is a diagnostic: stderr, so that stdout holds the result alone (JSON stays parseable).
      io.err(`Regression seen in ${files.length} file(s); rerunning them ${options.confirm} time(s) to confirm…`);
      const reruns = rerunFiles({
        rootDir: config.rootDir,
        files,
        times: options.confirm,
        jestBin: options.jestBin,
        jestArgs: options.jestArgs,
        env: io.env,
        onRerun: (i) => io.err(`  rerun ${i}/${options.confirm}`),
      });
      const runs = [latest, ...reruns];
      result = confirmRegressions(result, compareRun(baseline, runs, { ...verdictOptions, confirmed: true }), runs);
      if (!result.regressed) notes.push('Not confirmed: the fastest of the reruns was within the thresholds (noise).');
    }
    const coverage = coverageLine(Object.keys(baseline.tests), current);
    const view = buildCheckView(result, { coverage, top: options.top, thresholds, notes });
    if (options.format === 'json') io.out(JSON.stringify(toJson(view), null, 2));
    else if (options.format === 'markdown') io.out(renderCheckMarkdown(view));
    else for (const line of renderCheckText(view)) io.out(line);
    if (io.env.GITHUB_ACTIONS === 'true') {
      // Workflow commands work from either stream: off stdout when stdout is a document.
      const annotate = options.format === 'text' ? io.out : io.err;
      for (const line of githubAnnotations(result, latest)) annotate(line);
    }
    const trends = history && history.runs.length > 0 ? detectTrends(history) : null;
    appendStepSummary(io.env, renderMarkdown(buildReport({ run: latest, comparison: result, trends })));
    if (result.regressed) {
      io.err(`Performance check FAILED. If the slowdown is intended, update the baseline: ${BUILD_BASELINE}`);
      return EXIT.failed;
    }
    if (options.format === 'text') io.out('Performance check passed.');
    return EXIT.ok;
  },
};

/**
 * Why the check skips without a baseline, and the fix; with no run tracked yet, tracking comes first.
 * @throws JestPerfError `JEST_PERF_BASELINE_MISSING` under `--require-baseline`.
 */
function missingBaseline(paths: DataPaths, required: boolean): string {
  if (listRunFiles(paths).length > 0) {
    if (required) readBaseline(paths.baseline);
    return `Baseline not found (${paths.baseline}). ${BASELINE_FIX}`;
  }
  if (required) {
    throw new JestPerfError('JEST_PERF_BASELINE_MISSING', 'Baseline not found', {
      file: paths.baseline,
      fix: TRACK_THEN_BASELINE,
    });
  }
  return `Baseline not found (${paths.baseline}), and ${TRACK_THEN_BASELINE}`;
}

/** Nothing to check against: said in the chosen format, on stdout (it is the result). */
function printSkipped(reason: string, format: CheckFormat, io: CliIo): void {
  if (format === 'json') {
    const report: CheckReport = { schemaVersion: CHECK_REPORT_VERSION, status: 'skipped', reason };
    io.out(JSON.stringify(report, null, 2));
  } else if (format === 'markdown') io.out(`### Performance check skipped\n\n${reason}`);
  else io.out(`Skipped: ${reason}`);
}
