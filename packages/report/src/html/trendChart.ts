import type { HistoryRun } from '@jest-perf/core';
import { formatChange } from '@jest-perf/regression';
import { escapeHtml } from './escape';
import { formatMs } from './format';
import type { TrendSeries } from './model';
import { coord, svgOpen } from './svg';

const WIDTH = 460;
const HEIGHT = 150;
const LEFT = 56;
const RIGHT = 10;
const TOP = 10;
const BOTTOM = 22;

function runLabel(run: Pick<HistoryRun, 'runId' | 'commit'> | undefined, index: number): string {
  if (!run) return `run ${index + 1}`;
  return `run ${index + 1} (${run.runId}${run.commit ? `, commit ${run.commit.slice(0, 7)}` : ''})`;
}

/**
 * One test's durations over the history: a line through every run it passed in, one `<circle class="point">`
 * per such run, each change point as a dashed `<line class="change-point">` just before its first run (the
 * point itself gets the `change` class), and a `segment-mean` line at each segment's mean.
 */
export function trendChart(id: string, runs: readonly HistoryRun[], series: TrendSeries): string {
  const plotW = WIDTH - LEFT - RIGHT;
  const plotH = HEIGHT - TOP - BOTTOM;
  const values = series.valuesMs;
  const max = Math.max(1, ...values.map((v) => v ?? 0)) * 1.1;
  const x = (i: number) => LEFT + (values.length > 1 ? (i / (values.length - 1)) * plotW : plotW / 2);
  const y = (ms: number) => TOP + plotH - (ms / max) * plotH;
  const parts: string[] = [
    `<line class="grid" x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${TOP + plotH}" y2="${TOP + plotH}"></line>`,
    `<text class="axis" x="${LEFT - 6}" y="${coord(TOP + 8)}" text-anchor="end">${escapeHtml(formatMs(max))}</text>`,
    `<text class="axis" x="${LEFT - 6}" y="${TOP + plotH}" text-anchor="end">0</text>`,
    `<text class="axis" x="${LEFT}" y="${HEIGHT - 6}">run 1</text>`,
    `<text class="axis" x="${WIDTH - RIGHT}" y="${HEIGHT - 6}" text-anchor="end">run ${values.length}</text>`,
  ];
  const starts = [0, ...series.changePoints.map((p) => p.runIndex), values.length];
  series.changePoints.forEach((point, j) => {
    const mean = (from: number, to: number, ms: number) =>
      `<line class="segment-mean" x1="${coord(x(from))}" x2="${coord(x(to - 1))}" y1="${coord(y(ms))}" y2="${coord(y(ms))}"></line>`;
    if (j === 0) parts.push(mean(starts[0] as number, point.runIndex, point.before.meanMs));
    parts.push(mean(point.runIndex, starts[j + 2] as number, point.after.meanMs));
    const at = coord(x(point.runIndex - 0.5));
    const what = `got ${point.direction} at ${runLabel(point, point.runIndex)}: ${formatMs(point.before.meanMs)} → ${formatMs(point.after.meanMs)} (${formatChange(point.change)})`;
    parts.push(
      `<line class="change-point" data-run-index="${point.runIndex}" x1="${at}" x2="${at}" y1="${TOP}" y2="${TOP + plotH}">` +
        `<title>${escapeHtml(what)}</title></line>`,
    );
  });
  let path = '';
  let pen = 'M';
  const points: string[] = [];
  const changes = new Set(series.changePoints.map((p) => p.runIndex));
  values.forEach((ms, i) => {
    if (ms === null) {
      pen = 'M';
      return;
    }
    path += `${pen}${coord(x(i))} ${coord(y(ms))}`;
    pen = 'L';
    const title = `${runLabel(runs[i], i)}: ${formatMs(ms)}`;
    points.push(
      `<circle class="point${changes.has(i) ? ' change' : ''}" data-run-index="${i}" cx="${coord(x(i))}" cy="${coord(y(ms))}" ` +
        `r="${changes.has(i) ? 4 : 2.5}"><title>${escapeHtml(title)}</title></circle>`,
    );
  });
  parts.push(`<path class="trend-line" d="${path}"></path>`, ...points);
  return `${svgOpen(id, `Duration of ${series.id} over ${values.length} runs`, WIDTH, HEIGHT)}${parts.join('')}</svg>`;
}
