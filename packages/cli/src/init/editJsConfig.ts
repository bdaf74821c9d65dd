import type { File, Statement } from '@babel/types';
import { bindsWithJestPerf, findJsExport } from './findJsExport';
import { endOf, isRequireCall, parseConfigSource, startOf, walk } from './jsAst';

/** What init does to a JS/TS Jest config: the new text, nothing (wired already), or a refusal with the reason. */
export type JsConfigEdit =
  | { kind: 'edited'; text: string; line: number }
  | { kind: 'wired'; line: number; what: string }
  | { kind: 'refused'; reason: string };

interface Insertion {
  at: number;
  text: string;
}

const PRESET = '@jest-perf/preset';

/** `'` or `"`, as the file's first string literal writes it. */
function quoteOf(text: string, ast: File): string {
  let quote: string | undefined;
  walk(ast.program, (node) => {
    if (quote === undefined && (node.type === 'StringLiteral' || node.type === 'DirectiveLiteral'))
      quote = text[startOf(node)];
  });
  return quote === '"' ? '"' : "'";
}

/** `import { withJestPerf } …` or `const { withJestPerf } = require(…)`, in the file's quotes and semicolon habit. */
export function importLine(style: 'cjs' | 'esm', quote: string, semicolon: boolean): string {
  const end = semicolon ? ';' : '';
  const from = `${quote}${PRESET}${quote}`;
  return style === 'esm'
    ? `import { withJestPerf } from ${from}${end}`
    : `const { withJestPerf } = require(${from})${end}`;
}

const isImportLike = (statement: Statement): boolean =>
  statement.type === 'ImportDeclaration' ||
  (statement.type === 'VariableDeclaration' && statement.declarations.every((d) => isRequireCall(d.init))) ||
  (statement.type === 'ExpressionStatement' && isRequireCall(statement.expression));

/**
 * Where the import goes: after the imports/requires at the top; otherwise above the first statement and
 * the comments that belong to it (a `/** @type … *\/` right above it), but below a header comment that a
 * blank line separates, `'use strict'`, and a `@jest-config-loader` docblock (Jest reads it only at the top).
 */
function importInsertion(text: string, ast: File, line: string): Insertion {
  const body = ast.program.body;
  const imports = body.filter((statement) => statement.type === 'ImportDeclaration');
  let lastImport: Statement | undefined = imports[imports.length - 1];
  if (!lastImport) {
    for (const statement of body) {
      if (!isImportLike(statement)) break;
      lastImport = statement;
    }
  }
  if (lastImport) {
    const lineEnd = text.indexOf('\n', endOf(lastImport));
    return lineEnd === -1 ? { at: text.length, text: `\n${line}` } : { at: lineEnd, text: `\n${line}` };
  }
  const directives = ast.program.directives;
  const floor = directives.length > 0 ? endOf(directives[directives.length - 1] ?? {}) : 0;
  const first = body[0];
  let at = first ? startOf(first) : text.length;
  for (const comment of [...(ast.comments ?? [])].reverse()) {
    if (endOf(comment) > at) continue;
    if (startOf(comment) < floor) break;
    const gap = text.slice(endOf(comment), at);
    if (/\S/.test(gap) || (gap.match(/\n/g) ?? []).length > 1 || comment.value.includes('@jest-config-loader')) break;
    at = startOf(comment);
  }
  // Directives or a header comment stay above: the import then starts on a line of its own below them.
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  if (at === 0 || /^\s*$/.test(text.slice(lineStart, at))) return { at: lineStart, text: `${line}\n\n` };
  return { at, text: `${line}\n\n` };
}

function apply(text: string, insertions: Insertion[]): string {
  let out = text;
  for (const { at, text: piece } of [...insertions].sort((a, b) => b.at - a.at)) {
    out = out.slice(0, at) + piece + out.slice(at);
  }
  return out;
}

/**
 * Wraps the exported config of a JS/TS Jest config in `withJestPerf(…)` and adds its import, changing no
 * other byte. The edited text is parsed again before it is returned: an edit that would not parse is refused.
 */
export function editJsConfig(text: string, typescript: boolean): JsConfigEdit {
  let ast: File;
  try {
    ast = parseConfigSource(text, typescript);
  } catch (error) {
    return { kind: 'refused', reason: `it does not parse (${error instanceof Error ? error.message : String(error)})` };
  }
  const site = findJsExport(ast);
  if (site.kind !== 'found') return site;
  const semicolon = text[endOf(site.statement) - 1] === ';';
  const line = importLine(site.style, quoteOf(text, ast), semicolon);
  const edited = apply(text, [
    ...(bindsWithJestPerf(ast) ? [] : [importInsertion(text, ast, line)]),
    { at: startOf(site.expression), text: 'withJestPerf(' },
    { at: endOf(site.expression), text: ')' },
  ]);
  try {
    parseConfigSource(edited, typescript);
  } catch (error) {
    return {
      kind: 'refused',
      reason: `the edit would not parse (${error instanceof Error ? error.message : String(error)})`,
    };
  }
  return { kind: 'edited', text: edited, line: site.statement.loc?.start.line ?? 0 };
}
