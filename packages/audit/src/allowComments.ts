import ts from 'typescript';
import { type AllowedFinding, type Finding, isRuleId, RULE_IDS, type RuleId } from './types';

/**
 * Reviewed exceptions, written next to the code:
 *   // jest-perf-audit-allow shared-tmp-path: read-only fixture folder baked into the CI image
 * on the finding's line or the line above it, or for the whole file:
 *   /** @jest-perf-audit-allow-file fixed-port: talks to the docker-compose database on 5432 *\/
 * A directive without a reason suppresses nothing and is a finding of its own.
 */

const MARKER = 'jest-perf-audit-allow';

export interface AllowDirective {
  /** Rule ids as written (possibly unknown ones). */
  rules: string[];
  /** Empty when none was given. */
  reason: string;
  fileLevel: boolean;
  /** 1-based line and column of the directive. */
  line: number;
  column: number;
  /** 1-based line the comment ends on (the line above the code it allows). */
  endLine: number;
}

/** Every comment range of the file: leading and trailing trivia of every node. */
function commentRanges(sourceFile: ts.SourceFile): ts.CommentRange[] {
  const text = sourceFile.text;
  const byPos = new Map<number, ts.CommentRange>();
  const add = (pos: number, end: number, kind: ts.CommentKind) => {
    if (!byPos.has(pos)) byPos.set(pos, { pos, end, kind });
  };
  const visit = (node: ts.Node): void => {
    ts.forEachLeadingCommentRange(text, node.pos, add);
    ts.forEachTrailingCommentRange(text, node.end, add);
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return [...byPos.values()];
}

/** True when only comment punctuation and spaces come before `index` on its line within the comment. */
function startsCommentLine(text: string, commentStart: number, index: number): boolean {
  const lineStart = Math.max(commentStart, text.lastIndexOf('\n', index - 1) + 1);
  return /^[\s/*]*@?$/.test(text.slice(lineStart, index));
}

/** Parses the text after the marker: `[-file] <rule>[, <rule>]: <reason>`. */
function parseDirectiveText(rest: string): Pick<AllowDirective, 'rules' | 'reason' | 'fileLevel'> | undefined {
  let body = rest;
  const fileLevel = body.startsWith('-file');
  if (fileLevel) body = body.slice('-file'.length);
  if (body !== '' && !/^[\s:]/.test(body)) return undefined;
  body = body.replace(/\*\/\s*$/, '');
  const colon = body.indexOf(':');
  const ids = colon < 0 ? body : body.slice(0, colon);
  const reason = colon < 0 ? '' : body.slice(colon + 1).trim();
  return { rules: ids.split(/[\s,]+/).filter((id) => id !== ''), reason, fileLevel };
}

export function parseAllowDirectives(sourceFile: ts.SourceFile): AllowDirective[] {
  const text = sourceFile.text;
  if (!text.includes(MARKER)) return [];
  const directives: AllowDirective[] = [];
  for (const range of commentRanges(sourceFile)) {
    let index = text.indexOf(MARKER, range.pos);
    while (index >= 0 && index < range.end) {
      const lineEnd = text.indexOf('\n', index);
      const stop = Math.min(range.end, lineEnd < 0 ? range.end : lineEnd);
      const parsed = startsCommentLine(text, range.pos, index)
        ? parseDirectiveText(text.slice(index + MARKER.length, stop))
        : undefined;
      if (parsed !== undefined) {
        const start = sourceFile.getLineAndCharacterOfPosition(index);
        const end = sourceFile.getLineAndCharacterOfPosition(range.end);
        directives.push({ ...parsed, line: start.line + 1, column: start.character + 1, endLine: end.line + 1 });
      }
      index = text.indexOf(MARKER, index + MARKER.length);
    }
  }
  return directives.sort((a, b) => a.line - b.line || a.column - b.column);
}

function covers(directive: AllowDirective, line: number): boolean {
  return directive.fileLevel || line === directive.line || line === directive.endLine + 1;
}

function syntax(directive: AllowDirective, rules: string): string {
  return directive.fileLevel ? `/** @${MARKER}-file ${rules}: <why> */` : `// ${MARKER} ${rules}: <why>`;
}

/** Findings about the directives themselves: missing rule, missing reason, unknown rule. */
function directiveFindings(directives: AllowDirective[], file: string): Finding[] {
  const findings: Finding[] = [];
  for (const directive of directives) {
    const at = { file, line: directive.line, column: directive.column };
    const named = directive.rules.join(', ') || '<rule-id>';
    if (directive.rules.length === 0 || directive.reason === '') {
      findings.push({
        rule: 'allow-without-reason',
        ...at,
        message: `${MARKER} ${named} ${directive.rules.length === 0 ? 'names no rule' : 'gives no reason'}, so it allows nothing`,
        fix: `write the rule and why the exception is safe after a colon: ${syntax(directive, named)}`,
      });
    }
    for (const id of directive.rules.filter((rule) => !isRuleId(rule))) {
      findings.push({
        rule: 'allow-unknown-rule',
        ...at,
        message: `${MARKER} names "${id}", which is no jest-perf audit rule`,
        fix: `use one of: ${RULE_IDS.join(', ')}`,
      });
    }
  }
  return findings;
}

/** Splits a file's findings into the ones that stand and the ones a directive with a reason allows. */
export function applyAllowDirectives(
  findings: Finding[],
  directives: AllowDirective[],
  file: string,
): { findings: Finding[]; allowed: AllowedFinding[] } {
  const usable = directives.filter((directive) => directive.reason !== '');
  const kept: Finding[] = [];
  const allowed: AllowedFinding[] = [];
  for (const finding of findings) {
    const directive = usable.find((d) => d.rules.includes(finding.rule) && covers(d, finding.line));
    if (directive === undefined || !isRuleId(finding.rule)) kept.push(finding);
    else allowed.push({ rule: finding.rule as RuleId, file, line: finding.line, reason: directive.reason });
  }
  return { findings: [...kept, ...directiveFindings(directives, file)], allowed };
}
