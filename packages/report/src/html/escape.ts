const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe for HTML element content and quoted attribute values (test titles are user text). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] as string);
}

/**
 * A test id or file path as HTML that may break after each folder (`src/<wbr>api/<wbr>users.test.ts`): a
 * narrow column wraps it between names instead of inside one.
 */
export function breakablePath(text: string): string {
  return escapeHtml(text).replaceAll('/', '/<wbr>');
}

/**
 * JSON to embed in `<script type="application/json">`: `<`, `>` and `&` become `\u003c`-style escapes, so a
 * test title holding `</script>` or `<!--` can neither close the element nor open a comment; U+2028/U+2029
 * are escaped too. `JSON.parse` reads the escapes back to the same strings.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => {
    return `\\u${(char.codePointAt(0) as number).toString(16).padStart(4, '0')}`;
  });
}
