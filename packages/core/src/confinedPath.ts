import * as fs from 'node:fs';
import * as path from 'node:path';
import { JestPerfError } from './errors';

/** True when `target` is `base` or below it (both absolute, compared as written). */
export function isInside(base: string, target: string): boolean {
  const relative = path.relative(base, target);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

/** Where a path read from data points: inside its folder (maybe missing), or outside it and why. */
export type Confinement =
  | { kind: 'inside'; path: string; exists: boolean }
  | { kind: 'outside'; path: string; why: string };

function realOrNull(file: string): string | null {
  try {
    return fs.realpathSync(file);
  } catch {
    return null;
  }
}

/** The lexical half of the rule: the resolved path, or why it is outside (no file system access). */
function resolveLexically(root: string, relative: string): { base: string; resolved: string } | Confinement {
  if (typeof relative !== 'string' || relative === '')
    return { kind: 'outside', path: String(relative), why: 'is empty' };
  if (relative.includes('\0')) return { kind: 'outside', path: relative, why: 'holds a NUL byte' };
  if (path.isAbsolute(relative) || path.win32.isAbsolute(relative)) {
    return { kind: 'outside', path: relative, why: 'is an absolute path' };
  }
  const base = path.resolve(root);
  const resolved = path.resolve(base, relative);
  if (resolved === base)
    return { kind: 'outside', path: resolved, why: `names the folder ${base} itself, not a file in it` };
  if (!isInside(base, resolved)) return { kind: 'outside', path: resolved, why: `points outside ${base}` };
  return { base, resolved };
}

/**
 * Resolves `relative` (a path that came from data: a run file, a cassette name, a dataset config)
 * against `root` and says whether it stays inside: lexically, and after following symlinks when the
 * file exists. Absolute paths, `..` escapes, NUL bytes and symlinks leading out all count as outside.
 */
export function locateInside(root: string, relative: string): Confinement {
  const lexical = resolveLexically(root, relative);
  if ('kind' in lexical) return lexical;
  const { base, resolved } = lexical;
  const real = realOrNull(resolved);
  if (real === null) return { kind: 'inside', path: resolved, exists: false };
  const realBase = realOrNull(base) ?? base;
  if (!isInside(realBase, real))
    return { kind: 'outside', path: resolved, why: `is a symlink to ${real}, outside ${base}` };
  return { kind: 'inside', path: resolved, exists: true };
}

/** What a confined path is, for the error: `'test file of run file tests[3].file'`, where it came from, the fix. */
export interface ConfinedPathContext {
  /** What the path names, as a user would say it (`test file`, `cassette name`). */
  what: string;
  /** The file the path was read from, if any. */
  file?: string;
  /** How to fix it. */
  fix: string;
  /**
   * Also follow symlinks of an existing file (default true). Off for names jest-perf itself derives
   * and never links (cache entries), where the lexical check suffices and a lookup must stay cheap.
   */
  followSymlinks?: boolean;
}

/**
 * The absolute path of `relative` inside `root`, or a clear error: every path that comes from data
 * goes through here before anything reads or writes it, so a `../` in a run file or a cassette name
 * can never reach outside its folder.
 * @throws {JestPerfError} JEST_PERF_PATH_OUTSIDE naming the path, why it is refused, and the fix.
 * @example confinedPath(rootDir, test.file, { what: 'test file', file: runFile, fix: 're-run Jest to record a fresh run' })
 */
export function confinedPath(root: string, relative: string, context: ConfinedPathContext): string {
  const lexical = context.followSymlinks === false ? resolveLexically(root, relative) : undefined;
  if (lexical && !('kind' in lexical)) return lexical.resolved;
  const where = lexical ?? locateInside(root, relative);
  if (where.kind === 'inside') return where.path;
  throw new JestPerfError(
    'JEST_PERF_PATH_OUTSIDE',
    `Refusing the ${context.what} ${JSON.stringify(relative)}: it ${where.why}`,
    { file: context.file, fix: context.fix },
  );
}
