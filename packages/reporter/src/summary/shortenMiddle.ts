/**
 * `text` cut to `width` characters by replacing its middle with `…`, so both the file a test id starts
 * with and the title it ends with stay readable (as terminals shorten long paths). Two thirds of the room
 * go to the end: a title, or a file's name, is told apart by its end more than by its folder.
 */
export function shortenMiddle(text: string, width: number): string {
  const chars = Array.from(text);
  if (chars.length <= width) return text;
  if (width <= 1) return '…'.slice(0, Math.max(0, width));
  const kept = width - 1;
  const head = Math.ceil(kept / 3);
  return `${chars.slice(0, head).join('')}…${chars.slice(chars.length - (kept - head)).join('')}`;
}
