import { escapeHtml } from './escape';
import { formatCount } from './format';
import type { HistogramBin } from './histogram';
import { coord, formatEdge, svgOpen } from './svg';

const WIDTH = 960;
const HEIGHT = 260;
const LEFT = 56;
const RIGHT = 16;
const TOP = 12;
const BOTTOM = 44;

/**
 * The duration histogram: one `<g class="bin">` per log-scale bin with `data-count`, left to right from the
 * fastest bin; the x axis is labelled at the bin edges, the y axis with the test count.
 */
export function histogramChart(id: string, bins: readonly HistogramBin[]): string {
  const plotW = WIDTH - LEFT - RIGHT;
  const plotH = HEIGHT - TOP - BOTTOM;
  const max = Math.max(1, ...bins.map((b) => b.count));
  const step = plotW / Math.max(1, bins.length);
  const y = (count: number) => TOP + plotH - (count / max) * plotH;
  const parts: string[] = [];
  for (const [value, label] of [
    [max, formatCount(max)],
    [0, '0'],
  ] as const) {
    parts.push(
      `<line class="grid" x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${coord(y(value))}" y2="${coord(y(value))}"></line>`,
      `<text class="axis" x="${LEFT - 6}" y="${coord(y(value) + 4)}" text-anchor="end">${label}</text>`,
    );
  }
  // Edge labels need ~44 px each: with many bins, label every other edge.
  const every = step < 44 ? 2 : 1;
  bins.forEach((bin, i) => {
    const x = LEFT + i * step;
    const range =
      bin.fromMs === 0 ? `under ${formatEdge(bin.toMs)}` : `${formatEdge(bin.fromMs)} to ${formatEdge(bin.toMs)}`;
    parts.push(
      `<g class="bin" data-from="${bin.fromMs}" data-to="${bin.toMs}" data-count="${bin.count}">` +
        `<title>${escapeHtml(range)}: ${formatCount(bin.count)} test${bin.count === 1 ? '' : 's'}</title>` +
        `<rect x="${coord(x + 1)}" y="${coord(y(bin.count))}" width="${coord(Math.max(1, step - 2))}" ` +
        `height="${coord(TOP + plotH - y(bin.count))}"></rect></g>`,
    );
    if (i % every === 0) {
      parts.push(
        `<text class="axis" x="${coord(x)}" y="${HEIGHT - BOTTOM + 16}" text-anchor="middle">${escapeHtml(formatEdge(bin.fromMs))}</text>`,
      );
    }
  });
  const last = bins[bins.length - 1];
  if (last && bins.length % every === 0) {
    parts.push(
      `<text class="axis" x="${coord(LEFT + bins.length * step)}" y="${HEIGHT - BOTTOM + 16}" text-anchor="middle">${escapeHtml(formatEdge(last.toMs))}</text>`,
    );
  }
  parts.push(
    `<text class="axis" x="${LEFT + plotW / 2}" y="${HEIGHT - 6}" text-anchor="middle">test duration (log scale)</text>`,
  );
  return `${svgOpen(id, 'Duration histogram: tests per duration bin', WIDTH, HEIGHT)}${parts.join('')}</svg>`;
}
