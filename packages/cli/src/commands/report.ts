import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  type FlakyReport,
  type History,
  isJestPerfError,
  JEST_PERF_CLI,
  type RunFile,
  readFlakyReport,
  writeFileAtomic,
} from '@jest-perf/core';
import { compareRun, detectTrends, readBaseline, type TrendReport } from '@jest-perf/regression';
import {
  buildReport,
  type Report,
  renderHtmlReport,
  renderJson,
  renderMarkdown,
  SECTION_START,
  updateMarkedSection,
} from '@jest-perf/report';
import { GATE_OPTIONS, type GateFlags, gateSettings, parseGateFlags } from '../analysis/gateSettings';
import { oneOf, optionalString, positiveInt, positiveNumber } from '../args';
import type { CommandModule } from '../command';
import { type CliIo, EXIT } from '../io';
import { loadHistory, loadRun, openProject, type Project } from '../project';
import { usageError } from '../usageError';

export interface ReportOptions extends GateFlags {
  root: string;
  run: string | undefined;
  format: 'markdown' | 'json' | 'html';
  slowTestMs: number | undefined;
  compareBaseline: boolean;
  /** The markdown file whose marked section to rewrite; `implicit` when `--update-docs` named none. */
  updateDocs: { file: string; implicit: boolean } | undefined;
  out: string | undefined;
  top: number;
}

const EXAMPLE = `${JEST_PERF_CLI} report --format markdown --compare-baseline --out report.md`;
/** A right call per flag: under a usage error about that flag (from yargs or from parse). */
const FLAG_EXAMPLES = {
  top: `${JEST_PERF_CLI} report --top 20`,
  threshold: `${JEST_PERF_CLI} report --threshold 5`,
} as const;
export const DEFAULT_DOCS = 'docs/PERFORMANCE.md';
const FORMATS = ['markdown', 'json', 'html'] as const;

/** The report and what it was built from (the HTML page draws the history and the run's every test). */
export interface ReportData {
  report: Report;
  run: RunFile;
  history: History;
  trends: TrendReport | null;
  project: Project;
}

type ReportSource = Pick<ReportOptions, 'root' | 'run' | 'slowTestMs' | 'compareBaseline' | 'top'> & Partial<GateFlags>;

/**
 * Loads the run (latest or `--run`), the baseline comparison when there is a baseline, and the history's
 * trends. The comparison is `check`'s own (same baseline file, same options), so both give the same counts.
 */
export function loadReportData(options: ReportSource, io: Pick<CliIo, 'cwd' | 'err'>): ReportData {
  const project = openProject(options.root);
  const run = loadRun(project, options.run, io.cwd);
  const flags = { baseline: options.baseline, normalizeSpeed: options.normalizeSpeed ?? true };
  const { paths, verdictOptions } = gateSettings(project, flags, io.cwd);
  const hasBaseline = fs.existsSync(paths.baseline);
  const comparison =
    hasBaseline || options.compareBaseline || flags.baseline
      ? compareRun(
          readBaseline(paths.baseline, { onNote: (note) => io.err(`jest-perf: ${note}`) }),
          run,
          verdictOptions,
        )
      : null;
  const history = loadHistory(project, io);
  const trends = history.runs.length > 0 ? detectTrends(history) : null;
  const report = buildReport({ run, comparison, trends, slowTestMs: options.slowTestMs, top: options.top });
  return { report, run, history, trends, project };
}

/** Builds the report of a project's latest run (or `--run`), with regressions when a baseline exists. */
export function reportFor(options: ReportSource, io: Pick<CliIo, 'cwd' | 'err'>): Report {
  return loadReportData(options, io).report;
}

/**
 * The last `jest-perf flaky` report, or null when there is none. A damaged one only costs the page its
 * flake section (said on stderr with the fix): the timing report is still worth having.
 */
function readFlakyIfAny(file: string, io: Pick<CliIo, 'err'>): FlakyReport | null {
  if (!fs.existsSync(file)) return null;
  try {
    return readFlakyReport(file);
  } catch (error) {
    if (!isJestPerfError(error)) throw error;
    io.err(`jest-perf: left the flake rates out of the HTML report: ${error.message}`);
    return null;
  }
}

/** The report as text in the chosen format. */
function renderReport(options: ReportOptions, io: CliIo): string {
  if (options.format !== 'html') {
    const report = reportFor(options, io);
    return options.format === 'json' ? renderJson(report) : renderMarkdown(report);
  }
  const data = loadReportData(options, io);
  return renderHtmlReport({
    ...data,
    flaky: readFlakyIfAny(data.project.paths.flaky, io),
    generatedAt: new Date().toISOString(),
    top: options.top,
  });
}

/**
 * A bare `--update-docs` rewrites {@link DEFAULT_DOCS} only when that file already holds the report's
 * markers (someone chose it): a project without it gets a usage error, not a new document nobody asked for.
 */
function assertDefaultDocs(file: string): void {
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
  if (text?.includes(SECTION_START)) return;
  const why = text === null ? 'there is no ' : 'there is no jest-perf report section in ';
  throw usageError(
    `--update-docs needs the markdown file to update: ${why}${DEFAULT_DOCS}`,
    `${JEST_PERF_CLI} report --update-docs ${DEFAULT_DOCS}   (creates the file, or adds the section to it)`,
  );
}

/** `jest-perf report`: markdown, JSON or a self-contained HTML page; optionally into a marked section of PERFORMANCE.md. */
export const reportCommand: CommandModule<ReportOptions> = {
  command: 'report',
  describe: 'Report the latest run: summary, slowest tests, hook time, trends, regressions, advice',
  example: EXAMPLE,
  flagExamples: FLAG_EXAMPLES,
  builder: (yargs) =>
    yargs
      .option('format', {
        choices: FORMATS,
        default: 'markdown',
        describe: 'html: one self-contained page with charts and a searchable table (use --out report.html)',
      })
      .option('run', { type: 'string', describe: 'run to report: a run file, a run id, latest~N (default: latest)' })
      .option('threshold', {
        type: 'number',
        requiresArg: true,
        describe: 'slow threshold in seconds (default: config slowTestMs)',
      })
      .option('compare-baseline', { type: 'boolean', default: false, describe: 'require a baseline and compare' })
      .option('baseline', {
        ...GATE_OPTIONS.baseline,
        describe: 'compare with this baseline file (as check --baseline)',
      })
      .option('normalize-speed', GATE_OPTIONS['normalize-speed'])
      .option('update-docs', {
        type: 'string',
        describe: `rewrite the marked section of this markdown file (bare: ${DEFAULT_DOCS}, when it has the section)`,
      })
      .option('out', { type: 'string', describe: 'write the report to a file instead of stdout' })
      .option('top', { type: 'number', requiresArg: true, default: 10, describe: 'rows per list' }),
  parse(args) {
    const format = oneOf(args.format, FORMATS, 'format', EXAMPLE);
    const seconds = positiveNumber(args.threshold, 'threshold', FLAG_EXAMPLES.threshold);
    const named = optionalString(args['update-docs']);
    const updateDocs =
      args['update-docs'] === undefined ? undefined : { file: named ?? DEFAULT_DOCS, implicit: named === undefined };
    if (updateDocs !== undefined && format !== 'markdown') {
      throw usageError(
        `--update-docs writes markdown; it cannot be combined with --format ${format}`,
        `${JEST_PERF_CLI} report --update-docs docs/PERFORMANCE.md`,
      );
    }
    return {
      root: String(args.root),
      run: optionalString(args.run),
      format,
      slowTestMs: seconds === undefined ? undefined : seconds * 1000,
      compareBaseline: args['compare-baseline'] === true,
      ...parseGateFlags(args),
      updateDocs,
      out: optionalString(args.out),
      top: positiveInt(args.top, 'top', FLAG_EXAMPLES.top) ?? 10,
    };
  },
  run(options, io) {
    if (options.updateDocs?.implicit) assertDefaultDocs(path.resolve(options.root, options.updateDocs.file));
    const text = renderReport(options, io);
    if (options.updateDocs) {
      const file = path.resolve(options.root, options.updateDocs.file);
      // The report's own title becomes a sub-heading inside the user's document.
      const changed = updateMarkedSection(file, text.replace(/^# jest-perf report\n\n/, '').replace(/^## /gm, '### '));
      io.out(`${changed ? 'Updated' : 'Unchanged'}: ${path.relative(io.cwd, file) || file}`);
    }
    if (options.out) {
      writeFileAtomic(path.resolve(io.cwd, options.out), text);
      io.out(`Report written to ${options.out}`);
    } else if (!options.updateDocs) {
      io.out(text);
    }
    return EXIT.ok;
  },
};
