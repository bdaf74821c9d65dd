import type * as ts from 'typescript';
import type { RuleId } from '../types';

/** What a rule knows about the file besides its syntax tree. */
export interface FileInfo {
  /** Root-relative, `/`-separated. */
  file: string;
  /** Tags of the file's first docblock (`@tags serial`). */
  fileTags: readonly string[];
  /**
   * The files this one imports by relative path (`./helpers/setup`), parsed: a helper there may
   * register the afterEach that restores what the test changes. Empty when they cannot be read.
   */
  helpers(): readonly ts.SourceFile[];
}

/** One place a rule flags; the rule's own fix is used unless the hit brings a more specific one. */
export interface RuleHit {
  node: ts.Node;
  message: string;
  fix?: string;
}

export interface Rule {
  id: RuleId;
  /** One line for the README and `--help`. */
  summary: string;
  fix: string;
  check(sourceFile: ts.SourceFile, info: FileInfo): RuleHit[];
}
