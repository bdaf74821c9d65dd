import * as fs from 'node:fs';
import { confinedPath, TRACK_RUN, writeFileAtomic } from '@jest-perf/core';

export interface TagTarget {
  /** Root-relative test file. */
  file: string;
  /** 1-based line of the `it(`/`test(` call. */
  line: number | undefined;
  title: string;
}

export type TagEdit =
  | { kind: 'tagged'; file: string; line: number; before: string; after: string }
  | { kind: 'skipped'; file: string; line: number | null; title: string; reason: string };

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Rewrites one source line so the test title ends in ` @<tag>`, but only when that is certainly safe:
 * the line holds exactly one `it(`/`test(` call whose title is a plain string literal equal to `title`.
 */
export function tagLine(lineText: string, title: string, tag: string): string | null {
  const literal = new RegExp(`\\b(?:it|test)(?:\\.\\w+)?\\(\\s*(['"\`])${escapeRegExp(title)}\\1`, 'g');
  const matches = [...lineText.matchAll(literal)];
  if (matches.length !== 1 || title.includes('${')) return null;
  const match = matches[0] as RegExpMatchArray;
  const quote = match[1] as string;
  const end = (match.index ?? 0) + match[0].length - 1;
  return `${lineText.slice(0, end)} @${tag}${quote}${lineText.slice(end + 1)}`;
}

/**
 * Without a recorded line (the preset leaves `testLocationInResults` off: it costs a stack per test),
 * the title literal is searched for: the 1-based line when exactly one line holds it, else why not.
 */
function findTitleLine(lines: readonly string[], title: string, tag: string): number | string {
  const matches = lines.flatMap((line, index) => (tagLine(line, title, tag) === null ? [] : [index + 1]));
  if (matches.length === 1) return matches[0] as number;
  return matches.length === 0
    ? 'no line recorded, and no line holds the title as a plain literal'
    : `no line recorded, and ${matches.length} lines hold the title: tag it by hand`;
}

/**
 * Adds `@<tag>` to each target's title in its source file; reports what it changed and what it left alone.
 * Every file is confined to `rootDir` before anything is written (`runFile`: where the targets were read).
 * @throws {JestPerfError} JEST_PERF_PATH_OUTSIDE when a target's file leaves the project; nothing is edited then.
 */
export function applyTag(rootDir: string, targets: TagTarget[], tag = 'slow', runFile?: string): TagEdit[] {
  const edits: TagEdit[] = [];
  const byFile = new Map<string, TagTarget[]>();
  for (const target of targets) byFile.set(target.file, [...(byFile.get(target.file) ?? []), target]);
  const fix = `the run file names test files outside the project (${rootDir}); record a fresh run with \`${TRACK_RUN}\`, or merge shard runs recorded in this project`;
  const absolutes = new Map(
    [...byFile.keys()].map((file) => [file, confinedPath(rootDir, file, { what: 'test file', file: runFile, fix })]),
  );
  for (const [file, fileTargets] of byFile) {
    const absolute = absolutes.get(file) as string;
    if (!fs.existsSync(absolute)) {
      for (const t of fileTargets)
        edits.push({ kind: 'skipped', file, line: t.line ?? null, title: t.title, reason: 'file not found' });
      continue;
    }
    const lines = fs.readFileSync(absolute, 'utf8').split('\n');
    let changed = false;
    for (const target of fileTargets) {
      const found = target.line === undefined ? findTitleLine(lines, target.title, tag) : null;
      if (typeof found === 'string') {
        edits.push({ kind: 'skipped', file, line: null, title: target.title, reason: found });
        continue;
      }
      const index = (found ?? target.line ?? 0) - 1;
      const before = lines[index];
      const after = before === undefined ? null : tagLine(before, target.title, tag);
      if (before === undefined || after === null) {
        const reason = 'title is not a plain literal on its line';
        edits.push({ kind: 'skipped', file, line: target.line ?? null, title: target.title, reason });
        continue;
      }
      lines[index] = after;
      changed = true;
      edits.push({ kind: 'tagged', file, line: index + 1, before: before.trim(), after: after.trim() });
    }
    if (changed) writeFileAtomic(absolute, lines.join('\n'));
  }
  return edits;
}
