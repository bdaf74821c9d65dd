import type * as AuditModule from './audit';
import type { AuditOptions, FileAudit, SourceOptions } from './audit';
import { AuditDependencyError } from './errors';
import type { AuditResult } from './types';

/**
 * The public audit API. The rules need the TypeScript compiler (~150 ms to load), so it loads on the
 * first audit, not when `@jest-perf/parallel` is imported (the CLI imports it for every command).
 */

let audit: typeof AuditModule | undefined;

function load(): typeof AuditModule {
  try {
    audit ??= require('./audit') as typeof AuditModule;
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' && /'typescript'/.test(String(error));
    throw missing ? new AuditDependencyError({ cause: error }) : error;
  }
  return audit;
}

/**
 * Audits the given files and folders (or every test file under the root) for parallel-safety problems.
 * @throws {AuditPathError} for a path that does not exist or is no JS/TS file.
 */
export function auditFiles(options: AuditOptions): AuditResult {
  return load().auditFiles(options);
}

/** Audits one file's source; `file` is the root-relative name findings carry, its extension picks the parser. */
export function auditSource(file: string, text: string, options?: SourceOptions): FileAudit {
  return load().auditSource(file, text, options);
}

export type { AllowDirective } from './allowComments';
export type { AuditOptions, FileAudit, SourceOptions } from './audit';
export { discoverFiles, isTestFile, SKIPPED_DIRS, SOURCE_EXTENSIONS } from './discover';
export { AuditDependencyError, AuditPathError } from './errors';
export { type AuditJson, formatJson, formatText, toJson } from './format';
export {
  type AllowedFinding,
  type AllowRuleId,
  type AuditResult,
  type Finding,
  type FindingRule,
  isRuleId,
  isSerialCandidateRule,
  RULE_IDS,
  type RuleId,
  SERIAL_CANDIDATE_RULES,
} from './types';
