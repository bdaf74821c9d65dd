import { breakablePath, escapeHtml } from './escape';
import { formatMs } from './format';

export interface Bar {
  label: string;
  value: number;
}

/**
 * A horizontal bar chart, one `<li class="bar">` per bar, in the order given. HTML rather than SVG: the label
 * column wraps at any page width, so a long test id stays whole and readable instead of being cut (an SVG
 * label cannot wrap and shrinks with the chart). Each bar carries its full label (`data-label`), its value
 * (`data-value`) and a `title` tooltip with both.
 */
export function barChart(
  id: string,
  title: string,
  bars: readonly Bar[],
  format: (value: number) => string = formatMs,
): string {
  const max = Math.max(0, ...bars.map((b) => b.value));
  const rows = bars.map((bar) => {
    const label = escapeHtml(bar.label);
    const value = escapeHtml(format(bar.value));
    const width = max > 0 ? Math.round((bar.value / max) * 1000) / 10 : 0;
    return (
      `<li class="bar" data-label="${label}" data-value="${bar.value}" title="${label}: ${value}">` +
      `<span class="bar-label">${breakablePath(bar.label)}</span>` +
      `<span class="bar-track"><span class="bar-fill" style="width:${width}%"></span></span>` +
      `<span class="bar-value">${value}</span></li>`
    );
  });
  return `<figure id="${escapeHtml(id)}" class="bar-chart" aria-label="${escapeHtml(title)}"><ol>${rows.join('')}</ol></figure>`;
}
