import { CHECK_REPORT_VERSION, type CheckReport, type CheckReportEntry, type CheckVerdictKind } from '@jest-perf/core';
import type { CompareResult, SuiteVerdict, TestVerdict } from '@jest-perf/regression';

/** The kinds the check lists, in the order it prints them. */
export const LISTED_KINDS = ['regressed', 'unconfirmed', 'minor', 'improved', 'new', 'missing'] as const;

type Judged = Exclude<CheckReport, { status: 'skipped' }>;
type AnyVerdict = TestVerdict | SuiteVerdict;

/**
 * What every format of `check` prints, computed once from one `compareRun` result: the formats render it
 * and derive nothing. Entries are the verdicts themselves (the text uses the same line formatter as Jest's
 * helper); {@link toJson} turns them into the JSON contract.
 */
export interface CheckView extends Omit<Judged, 'verdicts'> {
  verdicts: { kind: CheckVerdictKind; total: number; entries: AnyVerdict[] }[];
}

/** Largest first: the most time added (lost for improvements), the longest new or missing thing. */
function impact(verdict: AnyVerdict): number {
  if (verdict.kind === 'new') return verdict.currentMs;
  if (verdict.kind === 'missing') return verdict.baselineMs;
  return verdict.kind === 'improved' ? -verdict.deltaMs : verdict.deltaMs;
}

/** Builds the view of a comparison: complete counts, and at most `top` verdicts of each listed kind. */
export function buildCheckView(
  result: CompareResult,
  options: { coverage: string; top: number; thresholds: Judged['thresholds']; notes?: readonly string[] },
): CheckView {
  const all: AnyVerdict[] = [...result.suites, ...result.tests];
  const verdicts = LISTED_KINDS.map((kind) => {
    const ofKind = all.filter((v) => v.kind === kind).sort((a, b) => impact(b) - impact(a));
    return { kind, total: ofKind.length, entries: ofKind.slice(0, options.top) };
  });
  const { context } = result;
  return {
    schemaVersion: CHECK_REPORT_VERSION,
    status: result.regressed ? 'failed' : 'passed',
    coverage: options.coverage,
    baseline: { runs: context.baselineRuns, testbed: context.testbed.baseline },
    current: { runIds: result.current.runIds, testbed: context.testbed.current },
    confirmed: context.confirmed,
    notes: [...context.notes, ...(options.notes ?? [])],
    speed: result.speed,
    thresholds: options.thresholds,
    top: options.top,
    counts: result.summary,
    slowCount: result.slowCount,
    verdicts,
  };
}

/** One verdict in the JSON contract: its subject and scope named the same way for tests and the rest. */
function toEntry(verdict: AnyVerdict): CheckReportEntry {
  if ('id' in verdict) {
    const { id, file, suite: _folder, ...rest } = verdict;
    return { scope: 'test', subject: id, file, ...rest };
  }
  const { scope, suite, file, tests: _tests, ...rest } = verdict;
  return { scope, subject: suite, file, ...rest };
}

/** The view as `--format json` prints it (see `checkReportSchema` in @jest-perf/core). */
export function toJson(view: CheckView): CheckReport {
  return { ...view, verdicts: view.verdicts.map((list) => ({ ...list, entries: list.entries.map(toEntry) })) };
}
