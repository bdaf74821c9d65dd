import type { Report } from '../buildReport';
import { escapeHtml } from './escape';
import { formatCount, formatMs } from './format';
import { card, cards, section } from './parts';

function detail(label: string, value: string): string {
  return `<div><dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd></div>`;
}

/** Summary cards (counts and times of the run) and the run's details (commit, machine, Jest). */
export function summarySection(report: Report): string {
  const s = report.summary;
  const items = [
    card('tests', 'tests', formatCount(s.total)),
    card('passed', 'passed', formatCount(s.passed), 'ok'),
    card('failed', 'failed', formatCount(s.failed), s.failed > 0 ? 'bad' : ''),
    card('skipped', 'skipped', formatCount(s.skipped)),
    card('wall', 'wall time', formatMs(s.wallMs)),
    card('test-time', 'test time (sum)', formatMs(s.totalDurationMs)),
    card('hook-time', 'hook time (sum)', formatMs(s.hookMs)),
    card(
      'slow',
      `slow tests (over ${formatMs(s.slowTestMs)})`,
      formatCount(s.slowCount),
      s.slowCount > 0 ? 'warn' : '',
    ),
  ];
  if (report.regressions) {
    const regressed = report.regressions.summary.tests.regressed;
    items.push(card('regressed', 'regressed tests', formatCount(regressed), regressed > 0 ? 'bad' : 'ok'));
  }
  const commit = s.commit ? `${s.commit.slice(0, 10)}${s.branch ? ` (${s.branch})` : ''}` : 'unknown';
  const details = [
    detail('run', `${s.runId}${s.shard ? ` (shard ${s.shard.index}/${s.shard.count})` : ''}`),
    detail('started', s.startedAt),
    detail('commit', commit),
    detail('machine', s.machine),
    detail('Jest', s.jestVersion),
    detail('average test', formatMs(s.averageDurationMs)),
  ];
  const incomplete = s.incomplete
    ? `<p class="banner warn" data-key="incomplete"><strong>Incomplete run:</strong> ${escapeHtml(s.incompleteReasons.join('; '))}. Numbers may be missing tests.</p>`
    : '';
  return section('summary', 'Summary', `${incomplete}${cards(items)}<dl class="details">${details.join('')}</dl>`);
}
