import ts from 'typescript';

/**
 * Tags of a file's first docblock (`/** @tags serial, slow *\/` before any code), read the way Jest's
 * docblock is: only a `/**` comment at the very top counts.
 */
export function fileTags(sourceFile: ts.SourceFile): string[] {
  const text = sourceFile.text;
  const first = ts.getLeadingCommentRanges(text, ts.getShebang(text)?.length ?? 0)?.[0];
  if (first === undefined || !text.startsWith('/**', first.pos)) return [];
  const docblock = text.slice(first.pos, first.end);
  const tags: string[] = [];
  for (const match of docblock.matchAll(/@tags[ \t]+([^\n]*)/g)) {
    const value = (match[1] ?? '').replace(/\*\/\s*$/, '');
    tags.push(...value.split(/[\s,]+/).filter((tag) => /^[A-Za-z][\w-]*$/.test(tag)));
  }
  return tags;
}
