import * as path from 'node:path';

const HEADER = '# jest-perf: run data stays local; the baseline is committed';

const toPosix = (relative: string): string => relative.split(path.sep).join('/');

/**
 * The .gitignore lines that ignore jest-perf's data folder but keep the baseline (core's `dataDir` and
 * `baselinePath`, root-relative). Git cannot re-include a file inside an ignored folder, so each folder
 * between the data folder and the baseline is re-included level by level.
 */
export function gitignoreLines(rootDir: string, dataDir: string, baseline: string): string[] {
  const data = toPosix(path.relative(rootDir, dataDir));
  const relativeBaseline = toPosix(path.relative(dataDir, baseline));
  if (relativeBaseline.startsWith('..') || path.isAbsolute(relativeBaseline)) return [`${data}/`];
  const lines = [`${data}/*`];
  const parts = relativeBaseline.split('/');
  let folder = data;
  for (const part of parts.slice(0, -1)) {
    folder = `${folder}/${part}`;
    lines.push(`!${folder}/`, `${folder}/*`);
  }
  lines.push(`!${data}/${relativeBaseline}`);
  return lines;
}

/** What init does to .gitignore: the new text and what it did, or nothing when every line is there. */
export type GitignoreEdit = { kind: 'edited'; text: string; replaced: string[] } | { kind: 'wired' };

/**
 * Adds the missing lines to a .gitignore (`null` when there is none yet). A line that ignores the whole
 * data folder (`.jest-perf/`) would hide the baseline from git whatever follows it, so it is replaced.
 */
export function editGitignore(text: string | null, wanted: string[]): GitignoreEdit {
  const folder = (wanted[0] ?? '').replace(/\/\*?$/, '');
  const wholeFolder = new Set([folder, `${folder}/`, `/${folder}`, `/${folder}/`]);
  const lines = (text ?? '').split('\n');
  const replaced = wanted.length > 1 ? lines.filter((line) => wholeFolder.has(line.trim())) : [];
  const kept = lines.filter((line) => !replaced.includes(line));
  const present = new Set(kept.map((line) => line.trim()));
  const missing = wanted.filter((line) => !present.has(line));
  if (missing.length === 0 && replaced.length === 0) return { kind: 'wired' };
  let body = kept.join('\n');
  if (body !== '' && !body.endsWith('\n')) body += '\n';
  const separator = body === '' || body.endsWith('\n\n') ? '' : '\n';
  const block = present.has(HEADER) ? missing : [HEADER, ...missing];
  return { kind: 'edited', text: `${body}${separator}${block.join('\n')}\n`, replaced };
}
