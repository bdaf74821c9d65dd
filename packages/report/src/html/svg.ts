import { escapeHtml } from './escape';

/** A coordinate with one decimal: enough on screen, and keeps the page small. */
export function coord(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** Opens an accessible inline SVG chart: `role="img"` with a `<title>` naming it. */
export function svgOpen(id: string, title: string, width: number, height: number): string {
  return (
    `<svg id="${escapeHtml(id)}" class="chart" role="img" aria-labelledby="${escapeHtml(id)}-title" ` +
    `viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="${escapeHtml(id)}-title">${escapeHtml(title)}</title>`
  );
}

/** `500 ms`, `2 s`, `1.5 s`: short axis labels for duration edges. */
export function formatEdge(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${ms / 1000} s`;
}
