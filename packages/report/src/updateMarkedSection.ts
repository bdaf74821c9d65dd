import * as fs from 'node:fs';
import { JestPerfError, writeFileAtomic } from '@jest-perf/core';

export const SECTION_START = '<!-- jest-perf:report:start -->';
export const SECTION_END = '<!-- jest-perf:report:end -->';

/** The markers of a named section: `report` (the default) or another name, e.g. `demo`. */
export function sectionMarkers(name = 'report'): { start: string; end: string } {
  return { start: `<!-- jest-perf:${name}:start -->`, end: `<!-- jest-perf:${name}:end -->` };
}

/** Opening of every jest-perf marker. */
const MARKER_OPENING = '<!-- jest-perf:';

/**
 * The content with every jest-perf marker in it made inert (`&lt;!-- jest-perf:…`, which markdown shows
 * as the same text): a test title holding a marker would otherwise end the section early, and each
 * update would leave the rest behind, growing the document on every run.
 */
export function neutralizeMarkers(content: string): string {
  return content.replaceAll(MARKER_OPENING, `&lt;${MARKER_OPENING.slice(1)}`);
}

/**
 * Replaces only the text between the jest-perf markers; appends the marked section when absent.
 * Idempotent: the same content twice leaves the file byte-identical, markers inside the content included.
 */
export function replaceMarkedSection(document: string, content: string, name = 'report'): string {
  const { start: SECTION_START, end: SECTION_END } = sectionMarkers(name);
  const block = `${SECTION_START}\n${neutralizeMarkers(content).trimEnd()}\n${SECTION_END}`;
  const start = document.indexOf(SECTION_START);
  const end = document.indexOf(SECTION_END);
  if (start === -1 && end === -1) {
    const separator = document === '' || document.endsWith('\n\n') ? '' : document.endsWith('\n') ? '\n' : '\n\n';
    return `${document}${separator}${block}\n`;
  }
  if (start === -1 || end === -1 || end < start) {
    throw new JestPerfError('JEST_PERF_USAGE', 'the jest-perf report markers are unbalanced', {
      fix: `keep exactly one "${SECTION_START}" followed by one "${SECTION_END}"`,
    });
  }
  return document.slice(0, start) + block + document.slice(end + SECTION_END.length);
}

/** Rewrites the marked section of a markdown file (created when missing). Returns true when it changed. */
export function updateMarkedSection(file: string, content: string, name = 'report'): boolean {
  const before = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  let after: string;
  try {
    after = replaceMarkedSection(before, content, name);
  } catch (error) {
    if (error instanceof JestPerfError)
      throw new JestPerfError(error.code, error.message.split('\n')[0] ?? '', { file, fix: error.fix });
    throw error;
  }
  if (after === before) return false;
  writeFileAtomic(file, after);
  return true;
}
