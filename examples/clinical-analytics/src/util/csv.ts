/**
 * RFC 4180 CSV: fields separated by commas, quoted with `"` when they hold a comma, quote or
 * line break; a quote inside a quoted field is doubled. Line ends may be `\n` or `\r\n`.
 */

/** Formats one CSV line (without the line break). `null`/`undefined` become empty fields. */
export function formatCsvLine(fields: readonly (string | number | boolean | null | undefined)[]): string {
  return fields.map(formatCsvField).join(',');
}

function formatCsvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Parses CSV text into rows of strings. A trailing line break does not add an empty row.
 * @throws {SyntaxError} when a quoted field is never closed, naming the line it started on.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let line = 1;
  const n = text.length;
  while (i < n) {
    const ch = text.charCodeAt(i);
    if (ch === 34 /* " */ && field === '') {
      const startLine = line;
      i += 1;
      for (;;) {
        if (i >= n) throw new SyntaxError(`Unterminated quoted field starting on line ${startLine}`);
        const c = text.charCodeAt(i);
        if (c === 34) {
          if (text.charCodeAt(i + 1) === 34) {
            field += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        if (c === 10) line += 1;
        field += text[i];
        i += 1;
      }
      continue;
    }
    if (ch === 44 /* , */) {
      row.push(field);
      field = '';
      i += 1;
    } else if (ch === 10 || ch === 13) {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += ch === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      line += 1;
    } else {
      // Fast path: copy a run of plain characters at once.
      let j = i + 1;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === 44 || c === 10 || c === 13) break;
        j += 1;
      }
      field += text.slice(i, j);
      i = j;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
