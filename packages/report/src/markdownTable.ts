/**
 * A markdown table with padded columns (the layout Prettier and Biome format tables to, so a generated
 * section passes a docs format check); cells have `|` escaped and newlines folded so titles cannot break it.
 */
export function markdownTable(header: string[], rows: string[][]): string {
  const escapeCell = (cell: string) => cell.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const cells = [header, ...rows].map((row) => row.map(escapeCell));
  const widths = header.map((_, column) => Math.max(3, ...cells.map((row) => [...(row[column] ?? '')].length)));
  const pad = (cell: string, column: number) => cell + ' '.repeat((widths[column] as number) - [...cell].length);
  const line = (row: string[]) => `| ${row.map(pad).join(' | ')} |`;
  const [head, ...body] = cells as [string[], ...string[][]];
  return [line(head), line(widths.map((width) => '-'.repeat(width))), ...body.map(line)].join('\n');
}
