import { formatCounts, formatDuration, formatPercent, formatSlowCount, formatVerdict } from '@jest-perf/regression';
import type { Report, SlowTest } from './buildReport';
import { formatChangePoint } from './formatChangePoint';
import { formatSpeed } from './formatSpeed';
import { markdownTable } from './markdownTable';
import { CREATE_BASELINE } from './recommend';
import { renderHookProfiles } from './renderHookProfiles';
import { formatTimeKind } from './timeKind';
import { VERDICT_ORDER } from './verdictOrder';

/** The "CPU or wait" column only when some test's CPU time was measured. */
function slowTable(tests: SlowTest[]): string {
  const measured = tests.some((t) => t.time !== null);
  const row = (t: SlowTest) => [t.id, formatDuration(t.durationMs), formatDuration(t.setupMs), t.tags.join(', ')];
  if (!measured) return markdownTable(['test', 'duration', 'hooks', 'tags'], tests.map(row));
  return markdownTable(
    ['test', 'duration', 'hooks', 'tags', 'CPU or wait'],
    tests.map((t) => [...row(t), t.time ? formatTimeKind(t.time) : '']),
  );
}

function startupSection(report: Report): string {
  const { totalMs, runtimeMs, files } = report.startup;
  if (files.length === 0) return '## File start-up\n\nNo file spent time outside its tests and hooks.';
  const share = runtimeMs > 0 ? ` (${formatPercent(totalMs / runtimeMs)} of ${formatDuration(runtimeMs)})` : '';
  const intro =
    `Time in each file outside its tests and hooks (setup files, transform, module loading): ` +
    `${formatDuration(totalMs)} in all${share}.`;
  const rows = files.map((f) => [
    f.file,
    formatDuration(f.startupMs),
    `${formatPercent(f.share)} of ${formatDuration(f.runtimeMs)}`,
    f.advice,
  ]);
  return `## File start-up\n\n${intro}\n\n${markdownTable(['file', 'start-up', 'share of file', 'advice'], rows)}`;
}

function summarySection(report: Report): string {
  const s = report.summary;
  const rows = [
    ['run', `${s.runId}${s.shard ? ` (shard ${s.shard.index}/${s.shard.count})` : ''}`],
    ['commit', s.commit ? `${s.commit.slice(0, 10)}${s.branch ? ` (${s.branch})` : ''}` : 'unknown'],
    ['tests', `${s.total} (${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped)`],
    ['wall time', formatDuration(s.wallMs)],
    ['test time (sum)', `${formatDuration(s.totalDurationMs)}, average ${formatDuration(s.averageDurationMs)}`],
    ['hook time (sum)', formatDuration(s.hookMs)],
    [`slow tests (over ${formatDuration(s.slowTestMs)})`, String(s.slowCount)],
    ['machine', `${s.machine}, Jest ${s.jestVersion}`],
  ];
  if (s.incomplete) rows.push(['incomplete', s.incompleteReasons.join('; ')]);
  return `## Summary\n\n${markdownTable(['', ''], rows)}`;
}

function regressionSection(report: Report): string {
  const r = report.regressions;
  if (!r) return `## Regressions\n\n_No baseline: ${CREATE_BASELINE}._`;
  const counts = r.summary.tests;
  const lines = [
    `**${r.regressed ? 'REGRESSED' : 'OK'}** — tests: ${formatCounts(counts)}.`,
    ...r.context.notes.map((n) => `- ${n}`),
    '',
    `- ${formatSlowCount(r.slowCount)}`,
  ];
  const speed = formatSpeed(r.speed);
  if (speed) lines.push(`- ${speed}`);
  const verdicts = [...r.suites, ...r.tests]
    .filter((v) => v.kind !== 'unchanged' && v.kind !== 'unjudged')
    .sort((a, b) => VERDICT_ORDER.indexOf(a.kind) - VERDICT_ORDER.indexOf(b.kind));
  for (const verdict of verdicts.slice(0, 50)) lines.push(`- **${verdict.kind}** ${formatVerdict(verdict)}`);
  if (verdicts.length > 50) lines.push(`- … and ${verdicts.length - 50} more (see --format json)`);
  return `## Regressions\n\n${lines.join('\n')}`;
}

function trendSection(report: Report): string {
  const t = report.trends;
  if (!t) return '## Trends\n\n_No history yet: it grows with every tracked run._';
  if (t.changes.length === 0) return `## Trends\n\nNo significant change points in ${t.analysed} test histories.`;
  return `## Trends\n\n${t.changes.map((point) => `- ${formatChangePoint(point.id, point)}`).join('\n')}`;
}

function countersSection(report: Report): string | null {
  const groups = Object.entries(report.counters);
  if (groups.length === 0) return null;
  const rows = groups.flatMap(([group, values]) =>
    Object.entries(values).map(([name, value]) => [group, name, String(Math.round(value * 1000) / 1000)]),
  );
  return `## Helper counters (fixture cache, LLM mock, datasets)\n\n${markdownTable(['helper', 'counter', 'value'], rows)}`;
}

/** The report as markdown: for terminals, PR comments, GITHUB_STEP_SUMMARY and PERFORMANCE.md. */
export function renderMarkdown(report: Report): string {
  const sections = [
    `# jest-perf report`,
    summarySection(report),
    `## Slowest tests\n\n${report.slowest.length > 0 ? slowTable(report.slowest) : '_No tests ran._'}`,
    startupSection(report),
    `## Hook / fixture time\n\nTotal ${formatDuration(report.hooks.totalMs)}.\n\n${renderHookProfiles(report.hooks.top)}`,
    trendSection(report),
    regressionSection(report),
    `## Uncategorised slow tests\n\n${
      report.uncategorizedSlow.length > 0
        ? `Over ${formatDuration(report.summary.slowTestMs)} without a \`slow\` tag:\n\n${slowTable(report.uncategorizedSlow)}`
        : 'None.'
    }`,
    countersSection(report),
    `## Recommendations\n\n${report.recommendations.length > 0 ? report.recommendations.map((a) => `- ${a}`).join('\n') : 'None: the suite looks healthy.'}`,
  ];
  return `${sections.filter((s): s is string => s !== null).join('\n\n')}\n`;
}
