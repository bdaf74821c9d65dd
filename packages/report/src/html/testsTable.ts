import { escapeHtml } from './escape';
import { formatCount } from './format';
import type { HtmlModel } from './model';
import { section } from './parts';

/** Rows the all-tests table shows at once; the rest are a filter away (10,000 DOM rows would be slow). */
export const TABLE_LIMIT = 200;

/** Column headers of the all-tests table, in the order of {@link TableRow}'s fields. */
const COLUMNS: { label: string; numeric?: boolean }[] = [
  { label: 'test' },
  { label: 'file' },
  { label: 'duration', numeric: true },
  { label: 'hooks', numeric: true },
  { label: 'status' },
  { label: 'tags' },
  { label: 'verdict' },
];

/**
 * The all-tests table's shell: the inline script fills the body from the page's JSON (the first
 * {@link TABLE_LIMIT} rows that match the filter, slowest first), and sorts on a header click.
 */
export function testsSection(model: HtmlModel): string {
  const head = COLUMNS.map(
    (c, i) =>
      `<th scope="col"${c.numeric ? ' class="num"' : ''} aria-sort="${i === 2 ? 'descending' : 'none'}">` +
      `<button type="button" data-sort="${i}">${escapeHtml(c.label)}</button></th>`,
  ).join('');
  const total = formatCount(model.table.rows.length);
  return section(
    'tests',
    'All tests',
    `<table id="tests-table"><caption>Every test of the run (${total}); click a header to sort</caption>` +
      `<thead><tr>${head}</tr></thead><tbody></tbody></table>` +
      `<p class="count" id="tests-count">${total} tests (the table needs JavaScript)</p>`,
  );
}
