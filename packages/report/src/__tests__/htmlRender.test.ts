import { createHash } from 'node:crypto';
import type { FlakyReport, RunFile } from '@jest-perf/core';
import { buildBaseline, compareRun } from '@jest-perf/regression';
import { buildReport } from '../buildReport';
import { CLIENT_SCRIPT } from '../html/clientScript';
import type { HtmlReportInput } from '../html/model';
import { renderHtmlReport } from '../html/renderHtml';
import { MAX_VERDICT_ROWS } from '../html/timingSections';
import { baselineOf, tracked } from './helpers/gateRuns';
import { makeFile, makeHook, makeRun, makeTest } from './helpers/runs';

const XSS = '</script><script>alert(1)</script><!--';
const CONFIG = { thresholds: { test: 0.2, suite: 0.15, minAbsoluteMs: 100 }, slowTestMs: 30_000 };

function page(run: RunFile, fields: Partial<HtmlReportInput> = {}): string {
  return renderHtmlReport({
    report: buildReport({ run, comparison: null, trends: null }),
    run,
    history: null,
    trends: null,
    flaky: null,
    generatedAt: '2026-01-02T00:00:00.000Z',
    ...fields,
  });
}

const run = makeRun({
  tests: [
    makeTest({ title: XSS, durationMs: 120, tags: ['<b>'] }),
    makeTest({ file: 'src/b.test.ts', title: 'slow one', durationMs: 40_000, setupMs: 30_000 }),
  ],
  files: [
    makeFile({ path: 'src/a.test.ts' }),
    makeFile({ path: 'src/b.test.ts', hooks: [makeHook({ type: 'beforeEach', calls: 1, totalMs: 30_000, line: 7 })] }),
  ],
  counters: { fixtureCache: { hits: 3, misses: 1 }, llmMock: { calls: 4 } },
});

const headings = (html: string) => [...html.matchAll(/<h2 id="[^"]+">([^<]+)<\/h2>/g)].map((m) => m[1]);
const dataBlock = (html: string) =>
  JSON.parse(/<script type="application\/json" id="jest-perf-data">([^<]*)<\/script>/.exec(html)?.[1] ?? 'null');

describe('renderHtmlReport', () => {
  const html = page(run);

  it('renders one document with every section, in order', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(headings(html)).toEqual([
      'Summary',
      'Slowest tests',
      'Duration histogram',
      'File start-up',
      'Trends',
      'Regressions',
      'Hook / fixture time',
      'Fixture cache and helper counters',
      'Flaky tests',
      'Recommendations',
      'All tests',
    ]);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('keeps a hostile test title inert: two script elements only, the title escaped everywhere', () => {
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(html).not.toContain('<!--');
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;!--');
    expect(dataBlock(html).table.rows[0]).toEqual([XSS, 0, 120, 0, 0, '<b>', '']);
  });

  it('loads nothing from the network: no external URL and a policy that only allows its own script', () => {
    const urls = [...html.matchAll(/(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}[^\s"']*/gi)].map((m) => m[0]);
    expect(new Set(urls)).toEqual(new Set(['http://www.w3.org/2000/svg']));
    expect(html).not.toMatch(/\ssrc=/);
    const hash = createHash('sha256').update(CLIENT_SCRIPT).digest('base64');
    expect(html).toContain(`script-src 'sha256-${hash}'`);
    expect(html).toContain("default-src 'none'");
    expect(html).toContain(`<script>${CLIENT_SCRIPT}</script>`);
  });

  it("shows the run's numbers on the summary cards", () => {
    expect(html).toContain('<div class="card" data-key="tests"><div class="value">2</div>');
    expect(html).toContain('<div class="card" data-key="failed"><div class="value">0</div>');
    expect(html).toContain('<div class="card ok" data-key="passed"><div class="value">2</div>');
    expect(html).toContain('<dd>abcdef1234 (main)</dd>');
    expect(html).not.toContain('Incomplete run');
  });

  it('draws the slowest tests and the hook time as bars, the histogram as inline SVG', () => {
    expect(html).toContain('<figure id="chart-slowest" class="bar-chart"');
    expect([...html.matchAll(/<li class="bar" data-label="([^"]*)"/g)].map((m) => m[1])).toEqual([
      'src/b.test.ts › slow one',
      'src/a.test.ts › &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;!--',
      'src/b.test.ts',
    ]);
    expect(html).toContain('<svg id="chart-histogram"');
    expect(html).toContain('<figure id="chart-hooks" class="bar-chart"');
  });

  it('shows the cache hit rate and every helper counter', () => {
    expect(html).toContain('data-key="cache-hit-rate"><div class="value">75.0 %</div>');
    expect(html).toContain('<td>llmMock</td><td>calls</td><td class="num">4</td>');
  });

  it('says what is missing instead of drawing empty sections', () => {
    const bare = page(makeRun({ tests: [], incompleteReasons: ['worker 2 was killed'] }));

    expect(bare).toContain('No tests ran.');
    expect(bare).toContain('No history yet');
    expect(bare).toContain(
      'No baseline: once 5 runs are tracked, create one with `npx jest-perf baseline --from-history 5`.',
    );
    expect(bare).toContain('No hooks recorded');
    expect(bare).toContain('No fixture-cache data in this run');
    expect(bare).toContain('No flaky report');
    expect(bare).toContain('<strong>Incomplete run:</strong> worker 2 was killed.');
    expect(bare).not.toContain('<svg');
    expect(bare).toContain('data-key="hooks-share"><div class="value">—</div>');
  });

  it('says in one line beside the heading when the history is too short for trends', () => {
    const short = page(run, { history: { runs: [{ runId: 'r0', startedAt: '', commit: null }], tests: new Map() } });

    expect(short).toContain(
      '<section id="trends" class="compact" aria-labelledby="trends-h"><h2 id="trends-h">Trends</h2>' +
        '<p class="note">Trends need 3 tracked runs; the history has 1 so far (each tracked run adds one).</p></section>',
    );
    expect(short).not.toContain('<figure class="trend"');
  });

  it('says so in one line when no test changed over the history', () => {
    const runs = [0, 1, 2].map((i) => ({ runId: `r${i}`, startedAt: '', commit: null }));
    const quiet = page(run, { history: { runs, tests: new Map() } });

    expect(quiet).toContain(
      '<section id="trends" class="compact" aria-labelledby="trends-h"><h2 id="trends-h">Trends</h2>' +
        '<p class="note">No test changed significantly over the last 3 runs (0 test histories).</p></section>',
    );
  });

  it('shows each helper counter in the unit its name says, counts as whole numbers', () => {
    const counted = page({
      ...run,
      counters: { fixtureCache: { hits: 1234, timeSavedMs: 12_928.377, cachedBytes: 3 * 1024 * 1024 } },
    });
    const counters = [...counted.matchAll(/<td>fixtureCache<\/td><td>(\w+)<\/td><td class="num">([^<]*)<\/td>/g)];

    expect(counters.map((m) => [m[1], m[2]])).toEqual([
      ['hits', '1,234'],
      ['timeSavedMs', '12.93 s'],
      ['cachedBytes', '3.0 MiB'],
    ]);
    expect(counted).toContain('data-key="cache-saved"><div class="value">12.93 s</div>');
  });

  it('keeps every badge on one line (the table cells around them may wrap)', () => {
    const css = /<style>([^<]*)<\/style>/.exec(html)?.[1] ?? '';
    for (const selector of ['.verdict', '.badge', '.status']) {
      expect(css).toMatch(new RegExp(`(^|[}\\n])${selector.replace('.', '\\.')}\\{[^}]*white-space:nowrap`));
    }
    expect(CLIENT_SCRIPT).toContain("cell(tr, status, 'status status-' + status)");
  });

  it('shows a dash, not NaN, for a new file whose tests all failed (it has no time to show)', () => {
    const before = makeRun({ tests: [makeTest({ title: 'steady', durationMs: 1000 })] });
    const after = tracked(
      makeRun({
        tests: [
          makeTest({ title: 'steady', durationMs: 1000 }),
          makeTest({ file: 'src/c.test.ts', title: 'broken', durationMs: 30, status: 'failed' }),
        ],
      }),
    );
    const comparison = compareRun(baselineOf(before), after);
    const out = page(after, { report: buildReport({ run: after, comparison, trends: null }) });

    expect(out).toMatch(/<tr class="new" data-q="src\/c\.test\.ts[^"]*">/);
    expect(out).not.toContain('NaN');
  });

  it('lists the verdicts with before and after, regressions first, new and missing ones with dashes', () => {
    const before = makeRun({
      tests: [
        makeTest({ title: 'steady', durationMs: 1000 }),
        makeTest({ title: 'slower', durationMs: 1000 }),
        makeTest({ title: 'removed', durationMs: 1000 }),
      ],
    });
    const after = tracked(
      makeRun({
        tests: [
          makeTest({ title: 'steady', durationMs: 1000 }),
          makeTest({ title: 'slower', durationMs: 2000 }),
          makeTest({ title: 'added', durationMs: 70 }),
        ],
      }),
    );
    // Two runs as slow (`check --last 2`): wall time of a single run does not fail alone.
    const comparison = compareRun(baselineOf(before), [after, after]);
    const out = page(after, { report: buildReport({ run: after, comparison, trends: null }) });
    const rows = [...out.matchAll(/<tr class="(\w+)" data-q="[^"]*">(.*?)<\/tr>/g)].map((m) => [
      m[1],
      ...[...(m[2] as string).matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((c) => (c[1] as string).replace(/<[^>]+>/g, '')),
    ]);

    expect(out).toContain('<strong>REGRESSED</strong>');
    expect(out).toContain('tests: 1 regressed, 0 unconfirmed, 0 minor, 0 improved, 1 unchanged, 1 new, 1 missing.</p>');
    // The file is named by its test, and the steady test and the whole run are unchanged: not listed.
    expect(rows.map((r) => [r[0], r[2]])).toEqual([
      ['regressed', 'src/a.test.ts › slower'],
      ['new', 'src/a.test.ts › added'],
      ['missing', 'src/a.test.ts › removed'],
    ]);
    expect(rows[0]).toEqual([
      'regressed',
      'regressed',
      'src/a.test.ts › slower',
      '1.00 s',
      '2.00 s',
      '+100.0 % (×2.00)',
      expect.stringMatching(/^20 % \/ ±\d+ ms$/),
    ]);
    expect(rows.find((r) => r[0] === 'new')?.slice(2)).toEqual(['src/a.test.ts › added', '—', '70 ms', '—', '—']);
    expect(rows.find((r) => r[0] === 'missing')?.slice(2)).toEqual([
      'src/a.test.ts › removed',
      '1.00 s',
      '—',
      '—',
      '—',
    ]);
    expect(out).not.toContain('more verdicts');
  });

  it("says the machine's speed and that the before column is the baseline scaled by it", () => {
    const tests = (ms: number, suspectMs: number) => [
      ...Array.from({ length: 30 }, (_, i) => makeTest({ title: `t${i}`, durationMs: ms })),
      makeTest({ title: 'suspect', durationMs: suspectMs }),
    ];
    const before = makeRun({ tests: tests(100, 100) });
    const after = makeRun({ tests: tests(110, 200) });
    const comparison = compareRun(buildBaseline([before, before, before], CONFIG), after);
    const out = page(after, { report: buildReport({ run: after, comparison, trends: null }) });

    expect(out).toContain(
      'machine: this run was 10.0 % slower than the baseline across 31 tests; each test is compared with its baseline × 1.100',
    );
    expect(out).toContain('before = baseline median × 1.100, the machine&#39;s speed; after = this run');
  });

  it(`stops the verdict table at ${MAX_VERDICT_ROWS} rows and says how many more there are`, () => {
    const many = makeRun({
      tests: Array.from({ length: MAX_VERDICT_ROWS + 3 }, (_, i) => makeTest({ title: `t${i}`, durationMs: 10 })),
    });
    const empty = makeRun({ tests: [] });
    const comparison = compareRun(buildBaseline([empty], CONFIG), many);
    const out = page(many, { report: buildReport({ run: many, comparison, trends: null }) });

    // 503 new tests, their new file and its start-up.
    expect(out.match(/<tr class="new"/g)).toHaveLength(MAX_VERDICT_ROWS);
    expect(out).toContain('… and 5 more verdicts (see --format json).');
  });

  it('shows the flake rate and the flaky and broken tests when there is a flaky report', () => {
    const flaky: FlakyReport = {
      schemaVersion: 1,
      createdAt: '2026-01-01T00:00:00.000Z',
      runs: 10,
      seeds: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
      jestArgs: [],
      tests: [
        {
          id: 'src/a.test.ts › racy',
          file: 'src/a.test.ts',
          passed: 7,
          failed: 3,
          skipped: 0,
          failingSeeds: [2, 5, 9],
          status: 'flaky',
        },
        {
          id: 'src/a.test.ts › dead',
          file: 'src/a.test.ts',
          passed: 0,
          failed: 10,
          skipped: 0,
          failingSeeds: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
          status: 'broken',
        },
        {
          id: 'src/a.test.ts › fine',
          file: 'src/a.test.ts',
          passed: 10,
          failed: 0,
          skipped: 0,
          failingSeeds: [],
          status: 'stable',
        },
      ],
      files: [],
      summary: {
        tests: 3,
        executions: 30,
        failedExecutions: 13,
        flakyExecutions: 3,
        flakyTests: 1,
        brokenTests: 1,
        flakeRate: 0.1,
        runsWithFailures: 10,
        filesFailedToRun: 0,
      },
    };
    const out = page(run, { flaky });
    const stable = page(run, { flaky: { ...flaky, tests: [flaky.tests[2] as FlakyReport['tests'][number]] } });

    expect(out).toContain('data-key="flake-rate"><div class="value">10.0 %</div>');
    expect(out).toContain(
      '<td>src/<wbr>a.test.ts › racy</td><td class="num">3 / 10</td><td class="num">30.0 %</td><td>2, 5, 9</td>',
    );
    expect(out).toContain('<td>1, 2, 3, 4, 5, …</td>');
    expect(out).not.toContain('› fine</td>');
    expect(stable).toContain('All 3 tests passed in every run.');
  });

  it('ships the table rows as JSON for the script, with the row limit', () => {
    const data = dataBlock(html);

    expect(data.limit).toBe(200);
    expect(data.table.files).toEqual(['src/a.test.ts', 'src/b.test.ts']);
    expect(data.table.rows).toHaveLength(2);
    expect(html).toContain('<p class="count" id="tests-count">2 tests (the table needs JavaScript)</p>');
  });
});
