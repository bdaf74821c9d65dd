import { createHash } from 'node:crypto';
import { FixtureCacheError } from './errors';

/**
 * Version of the on-disk layout and of the key recipe. Bumping it gives every entry a new key, so a
 * release that changes how entries are written never reads the old ones.
 */
export const CACHE_VERSION = 1;

const ALLOWED = 'plain objects, arrays, strings, finite numbers, booleans, null, bigints and valid Dates';

function reject(where: string, what: string): never {
  throw new FixtureCacheError('JEST_PERF_CACHE_KEY_INVALID', `Cannot use ${what} at ${where} in the cache key`, {
    fix: `key inputs may hold only ${ALLOWED}; pass a value that describes the fixture instead`,
  });
}

function describe(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'object' && value !== null) return `a ${value.constructor?.name ?? 'null-prototype'} object`;
  return typeof value === 'undefined' ? 'undefined' : `a ${typeof value}`;
}

function write(value: unknown, where: string, seen: Set<object>): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return `${value}n`;
    case 'number':
      if (!Number.isFinite(value)) reject(where, describe(value));
      return JSON.stringify(value); // -0 and 0 are the same key
    case 'object':
      break;
    default:
      reject(where, describe(value));
  }
  if (value === null) return 'null';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) reject(where, 'an invalid Date');
    return `D${JSON.stringify(value.toISOString())}`;
  }
  if (seen.has(value)) reject(where, 'a circular reference');
  seen.add(value);
  let out: string;
  if (Array.isArray(value)) {
    const items: string[] = [];
    for (let i = 0; i < value.length; i += 1) items.push(write(value[i], `${where}[${i}]`, seen));
    out = `[${items.join(',')}]`;
  } else {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) reject(where, describe(value));
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).sort();
    out = `{${keys.map((k) => `${JSON.stringify(k)}:${write(record[k], `${where}.${k}`, seen)}`).join(',')}}`;
  }
  seen.delete(value);
  return out;
}

/**
 * The canonical text of key inputs: object keys sorted, types kept apart (`1` ≠ `'1'`, a Date ≠ its
 * ISO string). Functions, symbols, undefined, NaN, ±Infinity, class instances and cycles are rejected.
 * @throws FixtureCacheError `JEST_PERF_CACHE_KEY_INVALID` naming where the bad value sits.
 * @example canonicalize({ b: 1, a: [true, null] }) // '{"a":[true,null],"b":1}'
 */
export function canonicalize(inputs: unknown): string {
  return write(inputs, 'keyInputs', new Set());
}

/** What goes into a key besides the inputs. */
export interface KeyParts {
  /** Canonical text of the inputs ({@link canonicalize}). */
  canonicalInputs: string;
  /** `table` or `file`. */
  kind: string;
  /** Storage format (`arrow`, `parquet`) or the file extension. */
  format: string;
  /** The fixture's label. */
  name: string;
  /** Content hash of the fixture's source files ({@link hashSources}). */
  sourceHash: string;
  /** Defaults to {@link CACHE_VERSION}. */
  version?: number;
}

/** The entry's key: 64 hex characters of sha256, used as its file name (never a user string). */
export function computeKey(parts: KeyParts): string {
  const { canonicalInputs, kind, format, name, sourceHash, version = CACHE_VERSION } = parts;
  const text = JSON.stringify([version, kind, format, name, sourceHash, canonicalInputs]);
  return createHash('sha256').update(text).digest('hex');
}
