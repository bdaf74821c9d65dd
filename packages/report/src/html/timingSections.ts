import type { SuiteVerdict, TestVerdict } from '@jest-perf/regression';
import { formatChange, formatCounts, formatPercent, formatSlowCount } from '@jest-perf/regression';
import { formatSpeed } from '../formatSpeed';
import { CREATE_BASELINE } from '../recommend';
import { VERDICT_ORDER } from '../verdictOrder';
import { barChart } from './barChart';
import { breakablePath, escapeHtml } from './escape';
import { formatCount, formatMs } from './format';
import { histogramChart } from './histogramChart';
import { type HtmlModel, MIN_TREND_RUNS } from './model';
import { filterTable, note, type Row, section } from './parts';
import { timeKindList } from './startupSections';
import { trendChart } from './trendChart';

/** Verdict rows past this many are left to `--format json`: the page stays light on a 10,000-test run. */
export const MAX_VERDICT_ROWS = 500;

export function slowestSection(model: HtmlModel): string {
  const slowest = model.report.slowest;
  const body =
    slowest.length === 0
      ? note('No tests ran.')
      : barChart(
          'chart-slowest',
          `The ${slowest.length} slowest tests`,
          slowest.map((t) => ({ label: t.id, value: t.durationMs })),
        ) + timeKindList(slowest);
  return section('slowest', 'Slowest tests', body);
}

export function histogramSection(model: HtmlModel): string {
  if (model.ranCount === 0) return section('histogram', 'Duration histogram', note('No tests ran.'));
  const text = `${formatCount(model.ranCount)} tests that ran (passed or failed), in log-scale bins; skipped tests have no duration.`;
  return section(
    'histogram',
    'Duration histogram',
    `${note(text)}${histogramChart('chart-histogram', model.histogram)}`,
  );
}

/** A trends section with nothing to draw: its heading and one line, not a big empty panel. */
function trendsLine(text: string): string {
  return section('trends', 'Trends', note(text), 'compact');
}

export function trendsSection(model: HtmlModel): string {
  const { trends } = model;
  if (trends.state === 'no-history') return trendsLine('No history yet: it grows with every tracked run.');
  if (trends.state === 'too-short') {
    return trendsLine(
      `Trends need ${MIN_TREND_RUNS} tracked runs; the history has ${formatCount(trends.runs)} so far (each tracked run adds one).`,
    );
  }
  if (trends.series.length === 0) {
    return trendsLine(
      `No test changed significantly over the last ${formatCount(trends.runs.length)} runs (${formatCount(trends.analysed)} test histories).`,
    );
  }
  const figures = trends.series.map((series, i) => {
    const last = series.changePoints[series.changePoints.length - 1];
    const what = last
      ? `got ${last.direction}: ${formatMs(last.before.meanMs)} → ${formatMs(last.after.meanMs)} (${formatChange(last.change)})`
      : 'regressed against the baseline';
    return (
      `<figure class="trend" data-test-id="${escapeHtml(series.id)}">` +
      `<figcaption><span class="badge">${escapeHtml(series.reason)}</span> <strong>${escapeHtml(series.id)}</strong> ` +
      `<span class="muted">${escapeHtml(what)}</span></figcaption>${trendChart(`trend-${i}`, trends.runs, series)}</figure>`
    );
  });
  const intro = note(
    `Durations over the last ${trends.runs.length} runs of the ${figures.length} tests whose change (a change point or a regression) moved the most time; dashed lines mark change points, flat lines the mean of each segment.`,
  );
  return section('trends', 'Trends', `${intro}<div class="trend-grid">${figures.join('')}</div>`);
}

function verdictRow(verdict: TestVerdict | SuiteVerdict): Row {
  const subject = 'id' in verdict ? verdict.id : verdict.suite;
  const dash = '<span class="muted">—</span>';
  let cells: string[];
  if (verdict.kind === 'new') cells = [dash, formatMs(verdict.currentMs), dash, dash];
  else if (verdict.kind === 'missing') cells = [formatMs(verdict.baselineMs), dash, dash, dash];
  else {
    cells = [
      formatMs(verdict.baselineMs),
      formatMs(verdict.currentMs),
      `${formatChange(verdict.change)} (×${(1 + verdict.change).toFixed(2)})`,
      `${formatPercent(verdict.threshold)} / ±${formatMs(verdict.noiseMs)}`,
    ];
  }
  return {
    cells: [`<span class="verdict ${verdict.kind}">${verdict.kind}</span>`, breakablePath(subject), ...cells],
    search: `${subject} ${'file' in verdict ? verdict.file : ''} ${verdict.kind}`,
    className: verdict.kind,
  };
}

export function regressionsSection(model: HtmlModel): string {
  const r = model.report.regressions;
  if (!r) return section('regressions', 'Regressions', note(`No baseline: ${CREATE_BASELINE}.`));
  const c = r.summary.tests;
  const banner =
    `<p class="banner ${r.regressed ? 'bad' : 'ok'}"><strong>${r.regressed ? 'REGRESSED' : 'OK'}</strong> — tests: ` +
    `${formatCounts(c)}.</p>`;
  const verdicts = [...r.suites, ...r.tests].sort(
    (a, b) => VERDICT_ORDER.indexOf(a.kind) - VERDICT_ORDER.indexOf(b.kind),
  );
  const more =
    verdicts.length > MAX_VERDICT_ROWS
      ? note(`… and ${formatCount(verdicts.length - MAX_VERDICT_ROWS)} more verdicts (see --format json).`)
      : '';
  const table =
    verdicts.length === 0
      ? note('Every test and suite is unchanged.')
      : filterTable(
          'regressions-table',
          r.speed?.applied
            ? `Verdicts against the baseline (before = baseline median × ${r.speed.factor.toFixed(3)}, the machine's speed; after = this run)`
            : 'Verdicts against the baseline (before = baseline median, after = this run)',
          [
            { label: 'verdict' },
            { label: 'test or suite' },
            { label: 'before', numeric: true },
            { label: 'after', numeric: true },
            { label: 'change', numeric: true },
            { label: 'threshold / noise', numeric: true },
          ],
          verdicts.slice(0, MAX_VERDICT_ROWS).map(verdictRow),
        );
  const speed = formatSpeed(r.speed);
  const machine = speed ? note(speed) : '';
  return section(
    'regressions',
    'Regressions',
    `${banner}${note(formatSlowCount(r.slowCount))}${machine}${table}${more}`,
  );
}

export function recommendationsSection(model: HtmlModel): string {
  const advice = model.report.recommendations;
  const body =
    advice.length === 0
      ? note('None: the suite looks healthy.')
      : `<ul>${advice.map((a) => `<li>${escapeHtml(a)}</li>`).join('')}</ul>`;
  return section('recommendations', 'Recommendations', body);
}
