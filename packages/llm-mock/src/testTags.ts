import * as fs from 'node:fs';
import { parsePragmaTags, parseTitleTags } from '@jest-perf/core';

const byFile = new Map<string, string[]>();

/** The pragma values of `@tags` in the first docblock of `source` (a leading `/** … *\/`, after an optional shebang). */
export function docblockTags(source: string): string[] {
  const block = /^\s*(?:#![^\n]*\n\s*)?\/\*\*([\s\S]*?)\*\//.exec(source)?.[1];
  if (block === undefined) return [];
  const values = [...block.matchAll(/@tags[ \t]+([^\n]*)/g)].map((m) => (m[1] ?? '').replace(/\*+\/?\s*$/, '').trim());
  return parsePragmaTags(values);
}

/** Tags of a test file from its first docblock, read once per file; an unreadable file has none. */
export function fileTags(testPath: string): string[] {
  let tags = byFile.get(testPath);
  if (!tags) {
    try {
      tags = docblockTags(fs.readFileSync(testPath, 'utf8'));
    } catch {
      tags = [];
    }
    byFile.set(testPath, tags);
  }
  return tags;
}

/**
 * True when the current test carries `tag`: as a trailing `@tag` of its own title, a `@tag` token ending a
 * describe title (Jest's `currentTestName` joins the titles with spaces, so it shows up mid-name), or in
 * the file's `@tags` docblock.
 */
export function testHasTag(tag: string, testName: string | undefined, testPath: string | undefined): boolean {
  if (testName !== undefined) {
    if (parseTitleTags(testName).tags.includes(tag)) return true;
    if (new RegExp(`(?:^|\\s)@${tag}(?=\\s)`).test(testName)) return true;
  }
  return testPath !== undefined && fileTags(testPath).includes(tag);
}

/**
 * True when the caller may use the real LLM: a title of its test or of a describe around it ends with
 * `@tag` (known exactly inside a tracked test), else Jest's joined name by {@link testHasTag}, or the file's docblock.
 */
export function callerHasTag(
  tag: string,
  caller: { testName: string | undefined; titles: readonly string[] | undefined },
  testPath: string | undefined,
): boolean {
  if (caller.titles === undefined) return testHasTag(tag, caller.testName, testPath);
  if (caller.titles.some((title) => parseTitleTags(title).tags.includes(tag))) return true;
  return testPath !== undefined && fileTags(testPath).includes(tag);
}
