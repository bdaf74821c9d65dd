import { formatDuration } from '@jest-perf/core';
import { COMPUTES_SHARE } from './judge';
import type {
  Measurement,
  SlowCountVerdict,
  SuiteVerdict,
  TestVerdict,
  UnconfirmedReason,
  Verdict,
  VerdictKind,
} from './types';

// One formatter for every duration jest-perf prints (the reporter's end-of-run summary uses it too).
export { formatDuration };

/** A ratio as a short percentage without a trailing `.0`: 0.2 → `20 %`, 0.125 → `12.5 %`. */
export function formatPercent(ratio: number): string {
  return `${Number((ratio * 100).toFixed(1))} %`;
}

/** A signed change with one decimal: 0.5 → `+50.0 %`, -0.25 → `-25.0 %`. */
export function formatChange(ratio: number): string {
  if (!Number.isFinite(ratio)) return ratio > 0 ? '+∞ %' : '-∞ %';
  return `${ratio >= 0 ? '+' : ''}${(ratio * 100).toFixed(1)} %`;
}

const REASONS: Record<UnconfirmedReason, string> = {
  busy: 'the machine was busy: wall time alone does not fail the check',
  testbed: 'the baseline comes from another testbed: wall time alone does not fail the check',
  noise: 'inside its noise',
  'cpu-unchanged': 'it mostly computes and its CPU time did not move',
  'one-run': 'wall time of one run (a stall looks the same): confirm with reruns',
};

/** What kind of time a thing spends: "computes" or "waits", when CPU time was measured. */
function kindOfTime(verdict: Measurement): string {
  if (verdict.cpuShare === null) return '';
  return verdict.cpuShare >= COMPUTES_SHARE ? ', computes' : ', waits';
}

/** The detail of one verdict, without its subject: `1.20 s → 1.80 s (+600 ms, +50.0 %; threshold 20 %, noise ±45 ms)`. */
export function describeVerdict(verdict: Verdict): string {
  switch (verdict.kind) {
    case 'new':
      return `new, ${formatDuration(verdict.currentMs)}`;
    case 'missing':
      return `missing, was ${formatDuration(verdict.baselineMs)}`;
    default: {
      const sign = verdict.deltaMs >= 0 ? '+' : '-';
      const evidence = verdict.evidence === 'cpu' ? 'CPU ' : '';
      const before = `${evidence}${formatDuration(verdict.baselineMs)} → ${formatDuration(verdict.currentMs)}`;
      const detail = `${before} (${sign}${formatDuration(Math.abs(verdict.deltaMs))}, ${formatChange(verdict.change)}; threshold ${formatPercent(verdict.threshold)}, noise ±${formatDuration(verdict.noiseMs)}${kindOfTime(verdict)})`;
      if (verdict.kind === 'unconfirmed') return `${detail}: unconfirmed, ${REASONS[verdict.reason]}`;
      if (verdict.kind === 'unjudged') return `${detail}: baseline too short to judge it alone`;
      return detail;
    }
  }
}

/**
 * One line per verdict, exactly as the CLI and the Jest helper print it:
 * `tests/a.test.ts › loads config: 1.20 s → 1.80 s (+600 ms, +50.0 %; threshold 20 %, noise ±45 ms, computes)`.
 */
export function formatVerdict(verdict: TestVerdict | SuiteVerdict): string {
  const subject = 'id' in verdict ? verdict.id : verdict.suite;
  return `${subject}: ${describeVerdict(verdict)}`;
}

/** `slow tests (over 30.00 s): 2 → 4 (+2): a › b, c › d` */
export function formatSlowCount(verdict: SlowCountVerdict): string {
  const diff = verdict.current - verdict.baseline;
  const head = `slow tests (over ${formatDuration(verdict.slowTestMs)}): ${verdict.baseline} → ${verdict.current}`;
  const change = diff === 0 ? '' : ` (${diff > 0 ? '+' : ''}${diff})`;
  const names = verdict.newlySlow.length > 0 ? `: ${verdict.newlySlow.join(', ')}` : '';
  return `${head}${change}${names}`;
}

const COUNT_ORDER: readonly VerdictKind[] = [
  'regressed',
  'unconfirmed',
  'minor',
  'improved',
  'unchanged',
  'new',
  'missing',
];

/** `2 regressed, 1 unconfirmed, 4 minor, 0 improved, 880 unchanged, 3 new, 0 missing` (+ unjudged when any). */
export function formatCounts(counts: Record<VerdictKind, number>): string {
  const kinds: readonly VerdictKind[] = counts.unjudged > 0 ? [...COUNT_ORDER, 'unjudged'] : COUNT_ORDER;
  return kinds.map((kind) => `${counts[kind]} ${kind}`).join(', ');
}
