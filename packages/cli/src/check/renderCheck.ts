import { BUILD_BASELINE, JEST_PERF_CLI } from '@jest-perf/core';
import {
  describeVerdict,
  formatCounts,
  formatDuration,
  formatPercent,
  formatSlowCount,
  formatVerdict,
} from '@jest-perf/regression';
import { formatSpeed } from '@jest-perf/report';
import type { CheckView } from './checkReport';

/** What settles the unconfirmed changes. */
const CONFIRM = `${JEST_PERF_CLI} check --confirm 3`;
/** What the user runs when a slowdown is intended. */

function testbedOf(view: CheckView): string {
  const base = view.baseline.testbed?.key ?? 'not recorded';
  return `baseline: ${view.baseline.runs} run(s) on ${base}; this run: ${view.current.testbed.key}`;
}

/** `… and 3 more minor` when `top` hid some. */
function more(list: CheckView['verdicts'][number]): string | null {
  const hidden = list.total - list.entries.length;
  return hidden > 0 ? `… and ${hidden} more ${list.kind} (--top ${list.total} lists them all)` : null;
}

/** The check as terminal lines (stdout), without the final passed/FAILED line. */
export function renderCheckText(view: CheckView): string[] {
  const lines = [`This check ${view.coverage}.`, testbedOf(view), ...view.notes];
  const speed = formatSpeed(view.speed);
  if (speed) lines.push(speed);
  for (const list of view.verdicts) {
    for (const verdict of list.entries) lines.push(`  ${list.kind.padEnd(12)} ${formatVerdict(verdict)}`);
    const hidden = more(list);
    if (hidden) lines.push(`  ${hidden}`);
    if (list.kind === 'regressed' && view.slowCount.kind === 'regressed') {
      lines.push(`  ${'regressed'.padEnd(12)} ${formatSlowCount(view.slowCount)}`);
    }
    if (list.kind === 'unconfirmed' && list.total > 0) {
      lines.push(`  → rerun the files of the ${list.total} unconfirmed change(s): ${CONFIRM}`);
    }
  }
  lines.push(`tests: ${formatCounts(view.counts.tests)}`);
  lines.push(`files, start-up, hooks, whole run: ${formatCounts(view.counts.suites)}`);
  return lines;
}

/** Inline code that a backtick in a test title cannot break. */
function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

/** The check as markdown, for a PR comment or the GitHub job summary. */
export function renderCheckMarkdown(view: CheckView): string {
  const failed = view.status === 'failed';
  const t = view.thresholds;
  const lines = [
    `### Performance check ${failed ? 'FAILED' : 'passed'}`,
    '',
    `This check ${view.coverage}. B${testbedOf(view).slice(1)}. Thresholds: tests ${formatPercent(t.test)}, files ${formatPercent(t.suite)}, minimum impact ${formatDuration(t.minAbsoluteMs)} (overrides in the baseline win).`,
    '',
  ];
  const speed = formatSpeed(view.speed);
  for (const note of [...view.notes, ...(speed ? [speed] : [])]) lines.push(`> ${note}`);
  if (view.notes.length > 0 || speed) lines.push('');
  for (const list of view.verdicts) {
    const slow = list.kind === 'regressed' && view.slowCount.kind === 'regressed';
    if (list.total === 0 && !slow) continue;
    lines.push(`**${list.kind}** (${list.total})`, '');
    for (const verdict of list.entries) {
      lines.push(`- ${code('id' in verdict ? verdict.id : verdict.suite)}: ${describeVerdict(verdict)}`);
    }
    if (slow) lines.push(`- ${formatSlowCount(view.slowCount)}`);
    const hidden = more(list);
    if (hidden) lines.push(`- ${hidden}`);
    if (list.kind === 'unconfirmed') lines.push('', `Settle them with reruns: ${code(CONFIRM)}`);
    lines.push('');
  }
  lines.push(`Tests: ${formatCounts(view.counts.tests)}.  `);
  lines.push(`Files, start-up, hooks, whole run: ${formatCounts(view.counts.suites)}.`);
  if (failed) lines.push('', `If the slowdown is intended, update the baseline: ${code(BUILD_BASELINE)}`);
  return lines.join('\n');
}
