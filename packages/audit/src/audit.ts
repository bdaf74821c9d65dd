import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as ts from 'typescript';
import { applyAllowDirectives, parseAllowDirectives } from './allowComments';
import { discoverFiles } from './discover';
import { fileTags } from './fileTags';
import { HelperLoader } from './helpers';
import { parseSource } from './parse';
import { type FileInfo, RULES } from './rules';
import { type AllowedFinding, type AuditResult, type Finding, isSerialCandidateRule } from './types';

export interface AuditOptions {
  /** Where relative paths start and what finding file names are relative to. */
  root: string;
  /** Files or folders (relative to root, or absolute); none means every test file under root. */
  paths?: readonly string[];
}

export interface FileAudit {
  findings: Finding[];
  /** Serial candidates (child processes, signals): listed, never failing. */
  candidates: Finding[];
  allowed: AllowedFinding[];
}

function byPosition(a: { line: number; column?: number }, b: { line: number; column?: number }): number {
  return a.line - b.line || (a.column ?? 0) - (b.column ?? 0);
}

export interface SourceOptions {
  /** The parsed local modules the file imports (where a helper may restore what tests change); none by default. */
  helpers?: (sourceFile: ts.SourceFile) => readonly ts.SourceFile[];
}

/**
 * Audits one file's source. `file` is the name findings carry (root-relative, `/`-separated); its
 * extension picks the parser (TS, TSX, JS, JSX).
 */
export function auditSource(file: string, text: string, options: SourceOptions = {}): FileAudit {
  const sourceFile = parseSource(file, text);
  let helpers: readonly ts.SourceFile[] | undefined;
  const info: FileInfo = {
    file,
    fileTags: fileTags(sourceFile),
    helpers: () => {
      helpers ??= options.helpers?.(sourceFile) ?? [];
      return helpers;
    },
  };
  const findings: Finding[] = [];
  for (const rule of RULES) {
    for (const hit of rule.check(sourceFile, info)) {
      const start = sourceFile.getLineAndCharacterOfPosition(hit.node.getStart(sourceFile));
      findings.push({
        rule: rule.id,
        file,
        line: start.line + 1,
        column: start.character + 1,
        message: hit.message,
        fix: hit.fix ?? rule.fix,
      });
    }
  }
  const result = applyAllowDirectives(findings, parseAllowDirectives(sourceFile), file);
  const standing = result.findings.sort(byPosition);
  return {
    findings: standing.filter((finding) => !isSerialCandidateRule(finding.rule)),
    candidates: standing.filter((finding) => isSerialCandidateRule(finding.rule)),
    allowed: result.allowed.sort(byPosition),
  };
}

/** The root-relative, `/`-separated name of a file. */
export function displayName(root: string, absolute: string): string {
  return path.relative(root, absolute).split(path.sep).join('/');
}

/**
 * Audits the given files and folders (or every test file under the root).
 * @throws {AuditPathError} for a path that does not exist or is no JS/TS file.
 */
export function auditFiles(options: AuditOptions): AuditResult {
  const root = path.resolve(options.root);
  const files = discoverFiles(root, options.paths ?? []);
  const findings: Finding[] = [];
  const candidates: Finding[] = [];
  const allowed: AllowedFinding[] = [];
  const loader = new HelperLoader();
  for (const absolute of files) {
    const result = auditSource(displayName(root, absolute), fs.readFileSync(absolute, 'utf8'), {
      helpers: (sourceFile) => loader.helpersOf(absolute, sourceFile),
    });
    findings.push(...result.findings);
    candidates.push(...result.candidates);
    allowed.push(...result.allowed);
  }
  return { root, scannedFiles: files.length, findings, candidates, allowed };
}
