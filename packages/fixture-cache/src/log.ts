/** One stderr line, prefixed so it is clear which tool wrote it. Newlines in the message are flattened. */
export function warn(message: string): void {
  process.stderr.write(`jest-perf fixture-cache: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
}

/** A label for log lines: the fixture's name when it has one, else the start of its key. */
export function label(name: string, key: string): string {
  const clean = name.replace(/[^\x20-\x7e]/g, '?').slice(0, 80);
  return clean ? `"${clean}" (${key.slice(0, 12)})` : key.slice(0, 12);
}
