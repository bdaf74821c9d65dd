import * as fs from 'node:fs';
import type { DataPaths, RunFile } from '@jest-perf/core';
import { listRunFiles } from '@jest-perf/core/recording';
import { nextCommand } from './nextCommand';
import { renderSummary } from './renderSummary';
import { slowestFiles, slowestTests } from './slowest';

export interface WrittenRun {
  run: RunFile;
  /** Where the run file went, from the user's cwd. */
  where: string;
  /** True when it went to a side file (`JEST_PERF_OUTPUT`) instead of `runs/`. */
  sideRun: boolean;
  paths: DataPaths;
}

/** The end-of-run summary of a run just written, with `top` rows per list. */
export function summaryText({ run, where, sideRun, paths }: WrittenRun, top: number): string {
  return renderSummary({
    tests: run.summary.total,
    slow: run.summary.slowCount,
    slowTestMs: run.slowTestMs,
    incompleteReasons: run.incomplete ? run.incompleteReasons : [],
    slowestTests: slowestTests(run, top),
    slowestFiles: slowestFiles(run, top),
    runFile: where,
    next: nextCommand({
      sideRunFile: sideRun ? where : null,
      hasBaseline: fs.existsSync(paths.baseline),
      storedRuns: sideRun ? 0 : listRunFiles(paths).length,
      failed: run.summary.failed,
      incomplete: run.incomplete,
    }),
  });
}

/** The one line printed instead when the summary is off: `jest-perf: N tests tracked, M slow → file`. */
export function summaryLine(run: RunFile, where: string): string {
  const note = run.incomplete ? ` (incomplete: ${run.incompleteReasons.length} problem(s))` : '';
  return `jest-perf: ${run.summary.total} tests tracked, ${run.summary.slowCount} slow → ${where}${note}\n`;
}
