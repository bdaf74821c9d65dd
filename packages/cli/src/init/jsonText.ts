/** How a JSON file is laid out, so an edited object is written back the same way. */
export interface JsonStyle {
  indent: string;
  newline: '\n' | '\r\n';
  finalNewline: boolean;
}

export function jsonStyleOf(text: string): JsonStyle {
  const indent = /^([ \t]+)"/m.exec(text)?.[1] ?? '  ';
  return {
    indent,
    newline: text.includes('\r\n') ? '\r\n' : '\n',
    finalNewline: text === '' || /\r?\n$/.test(text),
  };
}

export function formatJson(value: unknown, style: JsonStyle): string {
  const body = JSON.stringify(value, null, style.indent).replace(/\n/g, style.newline);
  return style.finalNewline ? `${body}${style.newline}` : body;
}
