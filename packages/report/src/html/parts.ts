import { escapeHtml } from './escape';

/** One summary card: a big value over a small label (both plain text, escaped here). */
export function card(key: string, label: string, value: string, tone: 'ok' | 'bad' | 'warn' | '' = ''): string {
  return (
    `<div class="card${tone ? ` ${tone}` : ''}" data-key="${escapeHtml(key)}">` +
    `<div class="value">${escapeHtml(value)}</div><div class="label">${escapeHtml(label)}</div></div>`
  );
}

export function cards(items: string[]): string {
  return `<div class="cards">${items.join('')}</div>`;
}

/** A report section with its heading; `body` is HTML. A `compact` section puts a one-line body beside its heading. */
export function section(id: string, heading: string, body: string, className?: 'compact'): string {
  const cls = className ? ` class="${className}"` : '';
  return `<section id="${id}"${cls} aria-labelledby="${id}-h"><h2 id="${id}-h">${escapeHtml(heading)}</h2>${body}</section>`;
}

/** A paragraph of plain text. */
export function note(text: string): string {
  return `<p class="note">${escapeHtml(text)}</p>`;
}

export interface Column {
  label: string;
  numeric?: boolean;
}

/** A server-rendered row: cells are HTML (escape text with `escapeHtml`); `search` is what the filter box matches. */
export interface Row {
  cells: string[];
  search: string;
  className?: string;
}

/**
 * A table the search box filters (`data-filter`): each row carries its lower-cased search text, and the
 * `count` line under it says how many rows match.
 */
export function filterTable(id: string, caption: string, columns: readonly Column[], rows: readonly Row[]): string {
  const head = columns
    .map((c) => `<th scope="col"${c.numeric ? ' class="num"' : ''}>${escapeHtml(c.label)}</th>`)
    .join('');
  const body = rows
    .map((row) => {
      const cells = row.cells.map((cell, i) => `<td${columns[i]?.numeric ? ' class="num"' : ''}>${cell}</td>`);
      const cls = row.className ? ` class="${escapeHtml(row.className)}"` : '';
      return `<tr${cls} data-q="${escapeHtml(row.search.toLowerCase())}">${cells.join('')}</tr>`;
    })
    .join('');
  return (
    `<table id="${id}" data-filter><caption>${escapeHtml(caption)}</caption><thead><tr>${head}</tr></thead>` +
    `<tbody>${body}</tbody></table><p class="count" data-count-for="${id}">${rows.length} rows</p>`
  );
}
