/**
 * Tags mark tests and files: `slow`, `integration`, `serial`, `real_llm` or any word.
 *
 * - A test or describe carries tags as trailing `@word` tokens in its title:
 *   `it('loads every dataset @slow @integration', ...)`. Only trailing tokens count, so
 *   "handles @mentions in text" has no tag.
 * - A file carries tags in its first docblock: `/** @tags slow, integration *\/`.
 */
export const WELL_KNOWN_TAGS = ['slow', 'integration', 'serial', 'real_llm'] as const;

const TRAILING_TAGS = /(?:\s+@[A-Za-z][\w-]*)+\s*$/;
const TAG = /@([A-Za-z][\w-]*)/g;

/** Splits a title into its text without trailing tags and the tags it carries. */
export function parseTitleTags(title: string): { title: string; tags: string[] } {
  // Most titles carry no tag: skip the regex (buildRunFile calls this for every title of every test).
  if (!title.includes('@')) return { title, tags: [] };
  const match = TRAILING_TAGS.exec(title);
  if (!match) return { title, tags: [] };
  const tags = [...match[0].matchAll(TAG)].map((m) => m[1] as string);
  return { title: title.slice(0, match.index), tags };
}

/** Tags of a file from its docblock pragma value (`@tags a, b` or `@tags a b`, repeated or not). */
export function parsePragmaTags(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  const values = Array.isArray(value) ? value : [value];
  return values.flatMap((v) => v.split(/[\s,]+/)).filter((t) => /^[A-Za-z][\w-]*$/.test(t));
}

/** Tags of a test: its file's, its describes', its own; each once, in that order. */
export function collectTags(fileTags: string[], titles: string[]): string[] {
  // Most titles carry no tag: no Set unless one does (the reporter calls this for every test).
  let tags: Set<string> | undefined;
  for (const title of titles) {
    const own = parseTitleTags(title).tags;
    if (own.length === 0) continue;
    tags ??= new Set(fileTags);
    for (const tag of own) tags.add(tag);
  }
  if (tags) return [...tags];
  return fileTags.length < 2 ? fileTags.slice() : [...new Set(fileTags)];
}

const ID_SEPARATOR = ' › ';

/**
 * The id of a describe path (`file › describe`), which {@link extendTestId} extends with a test's title:
 * a file repeats each describe path for many tests, so a caller building every id can compute it once.
 */
export function describeId(file: string, ancestorTitles: string[]): string {
  let id = file;
  for (const title of ancestorTitles) id = joinId(id, parseTitleTags(title).title);
  return id;
}

/** A test's id from its describe path's id ({@link describeId}) and its title. */
export function extendTestId(describePathId: string, title: string): string {
  return joinId(describePathId, parseTitleTags(title).title);
}

/** An id extended with one title already stripped of its tags: the part is that title, trimmed. */
function joinId(describePathId: string, bareTitle: string): string {
  return describePathId + ID_SEPARATOR + bareTitle.trim();
}

/**
 * A test's id and tags from its describe path's ({@link describeId}, {@link collectTags} of the file's and
 * the describes' tags) and its own title, which is parsed once: the reporter builds one per test of a run.
 * A title without tags shares `describeTags` as its tags (no array per test): do not mutate the result's.
 */
export function testIdAndTags(
  describePathId: string,
  describeTags: string[],
  title: string,
): { id: string; tags: string[] } {
  const own = parseTitleTags(title);
  const id = joinId(describePathId, own.title);
  if (own.tags.length === 0) return { id, tags: describeTags };
  return { id, tags: [...new Set([...describeTags, ...own.tags])] };
}

/** Stable test id: `file › describe › title`, tags stripped so adding a tag keeps the history. */
export function makeTestId(file: string, ancestorTitles: string[], title: string): string {
  return extendTestId(describeId(file, ancestorTitles), title);
}

/**
 * Makes a file's test ids unique, in place: Jest allows two tests with the same title, and stripping tags
 * can make two titles equal (`'x @slow'` and `'x'`). The first keeps its id, the n-th repeat gets ` #n`
 * (stable across runs while the file's order is), skipping any suffix another test already has as its own id.
 * `ids` are in the order of Jest's results for one file.
 */
export function uniqueTestIds(ids: string[]): string[] {
  const natural = new Set(ids);
  if (natural.size === ids.length) return ids;
  const used = new Set<string>();
  for (let i = 0; i < ids.length; i += 1) {
    const id = ids[i] as string;
    let candidate = id;
    // A suffixed id must not take another test's own (natural) id.
    for (let n = 2; used.has(candidate) || (candidate !== id && natural.has(candidate)); n += 1) {
      candidate = `${id} #${n}`;
    }
    used.add(candidate);
    ids[i] = candidate;
  }
  return ids;
}
