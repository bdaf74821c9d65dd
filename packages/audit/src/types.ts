/** The parallel-safety rules `jest-perf audit` checks, in the order the README lists them. */
export const RULE_IDS = [
  'shared-tmp-path',
  'fixed-port',
  'env-write-without-restore',
  'process-chdir',
  'repo-tree-write',
  'shared-module-state',
  'child-process',
  'signal',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

/**
 * Rules whose hits are serial candidates, not findings: spawning processes or sending signals is not wrong
 * in itself, but such tests compete for the CPU with every worker (timeouts under load) or reach outside
 * the test file. They are listed to review (tag the file `@tags serial`, or allow them), and never fail the audit.
 */
export const SERIAL_CANDIDATE_RULES: readonly RuleId[] = ['child-process', 'signal'];

/** Findings about the allow comments themselves: no reason given, or a rule id that does not exist. */
export type AllowRuleId = 'allow-without-reason' | 'allow-unknown-rule';

export type FindingRule = RuleId | AllowRuleId;

/** One problem at one place. `file` is relative to the audit root, with `/` separators; line and column start at 1. */
export interface Finding {
  rule: FindingRule;
  file: string;
  line: number;
  column: number;
  message: string;
  fix: string;
}

/** A finding that an allow comment with a reason suppressed (`line` is the finding's line). */
export interface AllowedFinding {
  rule: RuleId;
  file: string;
  line: number;
  reason: string;
}

/** The result of auditing a set of files; `--format json` prints it with `version: 1` first. */
export interface AuditResult {
  /** Absolute root the file names are relative to. */
  root: string;
  scannedFiles: number;
  findings: Finding[];
  /** Hits of the SERIAL_CANDIDATE_RULES: worth running in the serial lane; they do not fail the audit. */
  candidates: Finding[];
  allowed: AllowedFinding[];
}

export function isSerialCandidateRule(rule: FindingRule): boolean {
  return (SERIAL_CANDIDATE_RULES as readonly string[]).includes(rule);
}

export function isRuleId(value: string): value is RuleId {
  return (RULE_IDS as readonly string[]).includes(value);
}
