/**
 * Shared generators of the fuzz suites (fast-check): what a reader of a file may find in it. Imported
 * by the fuzz tests of every package that reads files, so they all probe the same kinds of damage.
 */
import fc from 'fast-check';

/**
 * Runs per property. Bounded so a suite stays within seconds on CI; the seed is fixed so CI is
 * reproducible. `FUZZ_SEED=random FUZZ_RUNS=5000 npx jest fuzz` explores further.
 */
export function fuzzParameters(numRuns = 60): fc.Parameters<unknown> {
  const seed = process.env.FUZZ_SEED;
  return {
    numRuns: Number(process.env.FUZZ_RUNS) || numRuns,
    ...(seed === 'random' ? {} : { seed: Number(seed) || 20261205 }),
  };
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Values a careless or hostile writer puts in a field: wrong types, extremes, path escapes, huge text. */
const nastyValue: fc.Arbitrary<Json> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
  fc.constantFrom<Json>(
    null,
    -1,
    0,
    1e308,
    -1e308,
    5e-324,
    Number.MAX_SAFE_INTEGER + 2,
    '',
    '../../../../etc/passwd',
    '/etc/passwd',
    'C:\\Windows\\x',
    '\u0000',
    'x'.repeat(10_000),
    '2026-13-45T99:99:99Z',
    [],
    {},
    { __proto__: { polluted: true } } as unknown as Json,
  ),
);

/** Every path to a value inside `doc`, the root first. */
function pathsOf(doc: Json, at: (string | number)[] = []): (string | number)[][] {
  const here = [at];
  if (Array.isArray(doc)) return here.concat(...doc.map((item, i) => pathsOf(item, [...at, i])));
  if (doc && typeof doc === 'object')
    return here.concat(...Object.entries(doc).map(([k, v]) => pathsOf(v, [...at, k])));
  return here;
}

/** `doc` with the value at `path` replaced (or removed when `value` is undefined). */
function mutate(doc: Json, path: (string | number)[], value: Json | undefined): Json | undefined {
  if (path.length === 0) return value;
  const copy: Json = structuredClone(doc);
  let parent = copy as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>;
  const last = path[path.length - 1] as string | number;
  if (value === undefined) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else parent[last] = value;
  return copy;
}

/** A valid document with one to three of its values replaced by nasty ones or removed. */
export function mutatedDocument(valid: unknown): fc.Arbitrary<unknown> {
  const step = fc.tuple(fc.nat(), fc.option(nastyValue, { nil: undefined, freq: 4 }));
  return fc.array(step, { minLength: 1, maxLength: 3 }).map((steps) => {
    let doc = structuredClone(valid) as Json | undefined;
    for (const [pick, value] of steps) {
      if (doc === undefined) break;
      const paths = pathsOf(doc);
      doc = mutate(doc, paths[pick % paths.length] as (string | number)[], value);
    }
    return doc;
  });
}

/**
 * The text of a file a reader may meet: a mutated valid document, a valid one cut short, random
 * JSON, random text, random bytes, or nothing at all.
 */
export function fileContents(valid: unknown): fc.Arbitrary<string | Uint8Array> {
  const text = JSON.stringify(valid, null, 2);
  return fc.oneof(
    { weight: 5, arbitrary: mutatedDocument(valid).map((doc) => (doc === undefined ? '' : JSON.stringify(doc))) },
    { weight: 1, arbitrary: fc.nat({ max: text.length }).map((n) => text.slice(0, n)) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)) },
    { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }) },
  );
}

/**
 * Calls `read` and lets only the documented failure through: a JestPerfError with a stable code
 * (and the `isOwnError` of packages with their own error class). Anything else is rethrown: a crash.
 */
export function expectOnlyDocumentedErrors(read: () => unknown, isOwnError?: (error: unknown) => boolean): void {
  try {
    read();
  } catch (error) {
    // by name and code, not instanceof: a package's dist loads its own copy of core's error class
    const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown };
    if (name === 'JestPerfError' && typeof code === 'string' && /^JEST_PERF_[A-Z_]+$/.test(code)) return;
    if (isOwnError?.(error)) return;
    throw error;
  }
}
