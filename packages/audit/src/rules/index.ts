import type { RuleId } from '../types';
import { childProcess } from './childProcess';
import { envWriteWithoutRestore } from './envWrite';
import { fixedPort } from './fixedPort';
import { processChdir } from './processChdir';
import { repoTreeWrite } from './repoTreeWrite';
import type { Rule } from './rule';
import { sharedModuleState } from './sharedModuleState';
import { sharedTmpPath } from './sharedTmpPath';
import { signal } from './signal';

/** Every rule, in the order of RULE_IDS. */
export const RULES: readonly Rule[] = [
  sharedTmpPath,
  fixedPort,
  envWriteWithoutRestore,
  processChdir,
  repoTreeWrite,
  sharedModuleState,
  childProcess,
  signal,
];

export const RULES_BY_ID: ReadonlyMap<RuleId, Rule> = new Map(RULES.map((rule) => [rule.id, rule]));

export type { FileInfo, Rule, RuleHit } from './rule';
