import { JEST_PERF_CLI } from '@jest-perf/core';
import { barChart } from './barChart';
import { breakablePath, escapeHtml } from './escape';
import { formatCount, formatCounter, formatMs, formatShare } from './format';
import type { HtmlModel } from './model';
import { card, cards, filterTable, note, section } from './parts';

export function hooksSection(model: HtmlModel): string {
  const { report, hookFiles } = model;
  const s = report.summary;
  const share = s.totalDurationMs > 0 ? formatShare(s.hookMs / s.totalDurationMs) : '—';
  const top = report.hooks.top;
  const summary = cards([
    card('hooks-total', 'hook time (sum)', formatMs(report.hooks.totalMs)),
    card('hooks-share', 'of the test time', share),
    card('hooks-advice', 'hooks to move to a wider scope', formatCount(top.filter((h) => h.advice).length)),
  ]);
  if (top.length === 0) {
    return section(
      'hooks',
      'Hook / fixture time',
      `${summary}${note('No hooks recorded (is the @jest-perf/environment in use?).')}`,
    );
  }
  const chart = barChart(
    'chart-hooks',
    `Hook time of the ${hookFiles.length} test files that spend the most in hooks`,
    hookFiles.map((f) => ({ label: f.file, value: f.hookMs })),
  );
  const table = filterTable(
    'hooks-table',
    'The costliest hooks (total over every call)',
    [
      { label: 'hook' },
      { label: 'scope' },
      { label: 'calls', numeric: true },
      { label: 'total', numeric: true },
      { label: 'average', numeric: true },
      { label: 'advice' },
    ],
    top.map((h) => {
      const where = `${h.file}${h.line === null ? '' : `:${h.line}`}`;
      const scope = [...h.describePath, h.type].join(' › ');
      return {
        cells: [
          breakablePath(where),
          escapeHtml(scope),
          formatCount(h.calls),
          formatMs(h.totalMs),
          formatMs(h.averageMs),
          escapeHtml(h.advice ?? ''),
        ],
        search: `${where} ${scope}`,
      };
    }),
  );
  const caption = `<p class="caption">Hook time per test file (the ${hookFiles.length} that spend the most)</p>`;
  return section('hooks', 'Hook / fixture time', `${summary}${caption}${chart}${table}`);
}

export function cacheSection(model: HtmlModel): string {
  const { cache, report } = model;
  const parts: string[] = [];
  if (!cache) {
    parts.push(
      note(
        'No fixture-cache data in this run: tests that load fixtures with @jest-perf/fixture-cache report their hits and misses here.',
      ),
    );
  } else {
    parts.push(
      cards([
        card(
          'cache-hit-rate',
          'fixture-cache hit rate',
          cache.hitRate === null ? 'no lookups' : formatShare(cache.hitRate),
          cache.hitRate !== null && cache.hitRate < 0.5 ? 'warn' : 'ok',
        ),
        card('cache-hits', 'hits', formatCount(cache.hits)),
        card('cache-misses', 'misses (built)', formatCount(cache.misses)),
        card('cache-memory-hits', 'of the hits, from memory', formatCount(cache.memoryHits)),
        card('cache-saved', 'time saved', formatMs(cache.timeSavedMs)),
        card('cache-build', 'time building', formatMs(cache.buildMs)),
      ]),
    );
  }
  const groups = Object.entries(report.counters);
  if (groups.length > 0) {
    const rows = groups.flatMap(([group, values]) =>
      Object.entries(values).map(([name, value]) => ({
        cells: [escapeHtml(group), escapeHtml(name), escapeHtml(formatCounter(name, value))],
        search: `${group} ${name}`,
      })),
    );
    parts.push(
      filterTable(
        'counters-table',
        'Every helper counter of the run',
        [{ label: 'helper' }, { label: 'counter' }, { label: 'value', numeric: true }],
        rows,
      ),
    );
  }
  return section('cache', 'Fixture cache and helper counters', parts.join(''));
}

export function flakySection(model: HtmlModel): string {
  const flaky = model.flaky;
  if (!flaky) {
    return section(
      'flaky',
      'Flaky tests',
      note(`No flaky report: \`${JEST_PERF_CLI} flaky --runs 20\` measures flake rates over randomized runs.`),
    );
  }
  const s = flaky.summary;
  const summary = cards([
    card(
      'flake-rate',
      'flake rate (flaky failures / executions)',
      formatShare(s.flakeRate),
      s.flakeRate > 0 ? 'bad' : 'ok',
    ),
    card('flaky-tests', 'flaky tests', formatCount(s.flakyTests), s.flakyTests > 0 ? 'bad' : 'ok'),
    card('broken-tests', 'broken tests', formatCount(s.brokenTests), s.brokenTests > 0 ? 'bad' : ''),
    card('flaky-runs', 'randomized runs', formatCount(flaky.runs)),
  ]);
  const failing = flaky.tests.filter((t) => t.status !== 'stable');
  const table =
    failing.length === 0
      ? note(`All ${formatCount(s.tests)} tests passed in every run.`)
      : filterTable(
          'flaky-table',
          `Tests that failed in some of the ${flaky.runs} runs (created ${flaky.createdAt})`,
          [
            { label: 'status' },
            { label: 'test' },
            { label: 'failed / ran', numeric: true },
            { label: 'failure rate', numeric: true },
            { label: 'failing seeds' },
          ],
          failing.map((t) => {
            const ran = t.passed + t.failed;
            const seeds = t.failingSeeds.slice(0, 5).join(', ') + (t.failingSeeds.length > 5 ? ', …' : '');
            return {
              cells: [
                `<span class="verdict ${t.status === 'broken' ? 'regressed' : 'unconfirmed'}">${t.status}</span>`,
                breakablePath(t.id),
                `${t.failed} / ${ran}`,
                ran > 0 ? formatShare(t.failed / ran) : '—',
                escapeHtml(seeds),
              ],
              search: `${t.id} ${t.file} ${t.status}`,
            };
          }),
        );
  return section('flaky', 'Flaky tests', `${summary}${table}`);
}
