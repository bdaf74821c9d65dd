import { escapeHtml } from './escape';
import { coord, shorten, svgOpen } from './svg';

export interface Bar {
  label: string;
  value: number;
}

const WIDTH = 960;
const LABEL_WIDTH = 430;
const VALUE_WIDTH = 80;
const ROW = 22;

/**
 * A horizontal bar chart, one `<g class="bar">` per bar, in the order given. Each bar carries its full label
 * (`data-label`) and a `<title>` tooltip with the formatted value; the visible label is shortened.
 */
export function barChart(id: string, title: string, bars: readonly Bar[], format: (value: number) => string): string {
  const max = Math.max(0, ...bars.map((b) => b.value));
  const plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const height = bars.length * ROW + 4;
  const rows = bars.map((bar, i) => {
    const y = i * ROW + 2;
    const width = max > 0 ? (bar.value / max) * plot : 0;
    const label = escapeHtml(bar.label);
    const value = escapeHtml(format(bar.value));
    return (
      `<g class="bar" data-label="${label}" data-value="${bar.value}"><title>${label}: ${value}</title>` +
      `<text class="label" x="${LABEL_WIDTH - 8}" y="${y + 15}" text-anchor="end">${escapeHtml(shorten(bar.label, 64))}</text>` +
      `<rect x="${LABEL_WIDTH}" y="${y + 2}" width="${coord(Math.max(width, 1))}" height="${ROW - 6}" rx="2"></rect>` +
      `<text class="value" x="${coord(LABEL_WIDTH + width + 6)}" y="${y + 15}">${value}</text></g>`
    );
  });
  return `${svgOpen(id, title, WIDTH, height)}${rows.join('')}</svg>`;
}
