import { auditSource, type FileAudit } from '../../audit';
import { parseSource } from '../../parse';
import type { FindingRule } from '../../types';

/** Source text from an indented template: the first newline and the common indentation removed. */
export function code(text: string): string {
  const lines = text
    .replace(/^\n/, '')
    .replace(/\n\s*$/, '')
    .split('\n');
  const indent = Math.min(
    ...lines.filter((line) => line.trim() !== '').map((line) => /^ */.exec(line)?.[0].length ?? 0),
  );
  return lines.map((line) => line.slice(indent)).join('\n');
}

/** Audits a fixture source. */
export function audit(source: string, file = 'src/example.test.ts', helpers: string[] = []): FileAudit {
  const parsed = helpers.map((text, index) => parseSource(`src/helper${index}.ts`, code(text)));
  return auditSource(file, code(source), { helpers: () => parsed });
}

/** `line:column` of each finding of one rule. */
export function hits(source: string, rule: FindingRule, file?: string, helpers?: string[]): string[] {
  return audit(source, file, helpers)
    .findings.filter((finding) => finding.rule === rule)
    .map((finding) => `${finding.line}:${finding.column}`);
}
