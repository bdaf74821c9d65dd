import type { RunFile } from '@jest-perf/core';
import type { CompareResult, TrendReport } from '@jest-perf/regression';
import { startupReport } from './fileStartup';
import { profileFixtures } from './profileFixtures';
import { recommend } from './recommend';
import type { Report, SlowTest } from './reportModel';
import { timeKind } from './timeKind';
import { uncategorizedSlowTests } from './uncategorizedSlowTests';

// The model's types live in reportModel.ts, which `recommend` imports too (no import cycle); kept importable from here.
export type { Report, SlowTest } from './reportModel';

export interface ReportInput {
  run: RunFile;
  /** Verdicts against the baseline, when there is one. */
  comparison: CompareResult | null;
  /** Change points over the history, when there is one. */
  trends: TrendReport | null;
  /** Slow threshold for this report (defaults to the run's). */
  slowTestMs?: number;
  /** Rows per list (slowest tests, hooks, trends). */
  top?: number;
}

const toSlowTest = (t: RunFile['tests'][number]): SlowTest => ({
  id: t.id,
  file: t.file,
  durationMs: t.durationMs,
  setupMs: t.setupMs,
  tags: t.tags,
  cpuMs: t.cpuMs ?? null,
  time: timeKind(t.durationMs, t.cpuMs),
});

/** Builds the report model from a run and, when available, its comparison and history trends. */
export function buildReport(input: ReportInput): Report {
  const { run, comparison, trends } = input;
  const top = input.top ?? 10;
  const slowTestMs = input.slowTestMs ?? run.slowTestMs;
  const ran = run.tests.filter((t) => t.status === 'passed' || t.status === 'failed');
  const hooks = profileFixtures(run);
  const report: Report = {
    summary: {
      runId: run.runId,
      startedAt: run.startedAt,
      commit: run.git?.commit ?? null,
      branch: run.git?.branch ?? null,
      shard: run.shard,
      jestVersion: run.jestVersion,
      machine: `${run.machine.cpuModel} × ${run.machine.cores}, ${run.machine.platform}/${run.machine.arch}, Node ${run.nodeVersion}`,
      incomplete: run.incomplete,
      incompleteReasons: run.incompleteReasons,
      ...run.summary,
      slowCount: ran.filter((t) => t.durationMs > slowTestMs).length,
      slowTestMs,
    },
    slowest: [...ran]
      .sort((a, b) => b.durationMs - a.durationMs)
      .slice(0, top)
      .map(toSlowTest),
    hooks: { totalMs: run.summary.hookMs, top: hooks.slice(0, top) },
    startup: startupReport(run, top),
    trends: trends && {
      analysed: trends.analysed,
      changes: trends.tests
        .flatMap((test) => test.changePoints.map((point) => ({ ...point, id: test.id })))
        .sort((a, b) => b.runIndex - a.runIndex || Math.abs(b.change) - Math.abs(a.change))
        .slice(0, top),
    },
    regressions: comparison && {
      regressed: comparison.regressed,
      tests: comparison.tests.filter((v) => v.kind !== 'unchanged' && v.kind !== 'unjudged'),
      suites: comparison.suites.filter((v) => v.kind !== 'unchanged' && v.kind !== 'unjudged'),
      slowCount: comparison.slowCount,
      summary: comparison.summary,
      speed: comparison.speed,
      context: comparison.context,
    },
    uncategorizedSlow: uncategorizedSlowTests(run, slowTestMs).map(toSlowTest),
    counters: run.counters,
    recommendations: [],
  };
  report.recommendations = recommend(report, hooks);
  return report;
}
