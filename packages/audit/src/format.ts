import type { AuditResult, Finding } from './types';

/** The JSON `--format json` prints (`version` first, so readers can check it before anything else). */
export interface AuditJson extends AuditResult {
  version: 1;
}

export function toJson(result: AuditResult): AuditJson {
  return {
    version: 1,
    root: result.root,
    scannedFiles: result.scannedFiles,
    findings: result.findings,
    candidates: result.candidates,
    allowed: result.allowed,
  };
}

export function formatJson(result: AuditResult): string {
  return JSON.stringify(toJson(result), null, 2);
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * One line per finding (`file:line:col  rule  message`) with its fix indented below, then a summary:
 * "3 findings in 2 files (scanned 120 files)" or "No parallel-safety findings in 120 files."
 */
export function formatText(result: AuditResult): string {
  const candidates = candidateSection(result.candidates);
  const allowed = result.allowed.length > 0 ? `${result.allowed.length} allowed by comment` : undefined;
  if (result.findings.length === 0) {
    return `${candidates}No parallel-safety findings in ${plural(result.scannedFiles, 'file')}${allowed ? ` (${allowed})` : ''}.`;
  }
  const lines = result.findings.flatMap(findingLines);
  const files = new Set(result.findings.map((finding) => finding.file)).size;
  const scanned = `scanned ${plural(result.scannedFiles, 'file')}${allowed ? `; ${allowed}` : ''}`;
  lines.push('', `${plural(result.findings.length, 'finding')} in ${plural(files, 'file')} (${scanned})`);
  return candidates + lines.join('\n');
}

function findingLines(finding: Finding): string[] {
  return [
    `${finding.file}:${finding.line}:${finding.column}  ${finding.rule}  ${finding.message}`,
    `    fix: ${finding.fix}`,
  ];
}

/** Serial candidates first, under their own heading: they are advice and do not fail the audit. */
function candidateSection(candidates: readonly Finding[]): string {
  if (candidates.length === 0) return '';
  const files = new Set(candidates.map((candidate) => candidate.file)).size;
  const heading = `Serial candidates (${plural(files, 'file')}; listed for review, they do not fail the audit):`;
  return `${[heading, ...candidates.flatMap(findingLines)].join('\n')}\n\n`;
}
