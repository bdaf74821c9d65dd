/** Markdown table rows with the column padding squeezed out, so tests match cells, not layout. */
export function squeezed(text: string): string {
  return text
    .split('\n')
    .map((line) => (line.startsWith('|') ? line.replace(/ {2,}/g, ' ').replace(/-{3,}/g, '---') : line))
    .join('\n');
}
