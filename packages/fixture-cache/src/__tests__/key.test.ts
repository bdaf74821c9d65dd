import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FixtureCacheError } from '../errors';
import { CACHE_VERSION, canonicalize, computeKey, type KeyParts } from '../key';
import { hashSources, resetSourceHashes } from '../sources';

const parts = (over: Partial<KeyParts> = {}): KeyParts => ({
  canonicalInputs: canonicalize({ rows: 10 }),
  kind: 'table',
  format: 'arrow',
  name: '',
  sourceHash: '',
  ...over,
});

describe('canonicalize', () => {
  it('sorts object keys at every depth, so key order does not matter', () => {
    expect(canonicalize({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe(
      canonicalize({ a: { c: null, d: [2, { y: 2, z: 1 }] }, b: 1 }),
    );
    expect(canonicalize({ b: 1, a: true })).toBe('{"a":true,"b":1}');
  });

  it('keeps array order', () => {
    expect(canonicalize([1, 2])).not.toBe(canonicalize([2, 1]));
  });

  it('tells types apart: number vs string, Date vs ISO string, bigint vs number, null vs false', () => {
    expect(canonicalize(1)).not.toBe(canonicalize('1'));
    const date = new Date('2024-01-02T03:04:05.000Z');
    expect(canonicalize(date)).not.toBe(canonicalize(date.toISOString()));
    expect(canonicalize(10n)).not.toBe(canonicalize(10));
    expect(canonicalize(null)).not.toBe(canonicalize(false));
    expect(canonicalize([1])).not.toBe(canonicalize({ 0: 1 }));
  });

  it('is stable for numbers: 0 and -0 are one key, floats keep their digits', () => {
    expect(canonicalize(-0)).toBe(canonicalize(0));
    expect(canonicalize(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(canonicalize(null)).toBe('null');
  });

  it.each([
    ['a function', { build: () => 1 }, 'keyInputs.build'],
    ['undefined in an object', { rows: undefined }, 'keyInputs.rows'],
    ['undefined in an array', [1, undefined], 'keyInputs[1]'],
    ['NaN', { seed: Number.NaN }, 'keyInputs.seed'],
    ['Infinity', [Number.POSITIVE_INFINITY], 'keyInputs[0]'],
    ['a symbol', { s: Symbol('x') }, 'keyInputs.s'],
    ['an invalid Date', { d: new Date('nope') }, 'keyInputs.d'],
    ['a Map', { m: new Map() }, 'keyInputs.m'],
  ])('rejects %s with an error naming where it sits', (_what, inputs, where) => {
    expect(() => canonicalize(inputs)).toThrow(FixtureCacheError);
    expect(() => canonicalize(inputs)).toThrow(where);
    try {
      canonicalize(inputs);
    } catch (error) {
      expect((error as FixtureCacheError).code).toBe('JEST_PERF_CACHE_KEY_INVALID');
    }
  });

  it('rejects cycles but accepts the same object twice side by side', () => {
    const shared = { a: 1 };
    expect(canonicalize([shared, shared])).toBe('[{"a":1},{"a":1}]');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalize(cyclic)).toThrow('circular');
  });

  it('accepts objects without a prototype', () => {
    const bare = Object.assign(Object.create(null) as object, { a: 1 });
    expect(canonicalize(bare)).toBe('{"a":1}');
  });
});

describe('computeKey', () => {
  it('is 64 hex characters and the same for the same parts', () => {
    expect(computeKey(parts())).toMatch(/^[0-9a-f]{64}$/);
    expect(computeKey(parts())).toBe(computeKey(parts()));
  });

  it('changes with the cache version (a format bump never reads old entries)', () => {
    expect(computeKey(parts({ version: CACHE_VERSION + 1 }))).not.toBe(computeKey(parts()));
  });

  it.each([
    ['inputs', { canonicalInputs: canonicalize({ rows: 11 }) }],
    ['kind', { kind: 'file' }],
    ['format', { format: 'parquet' }],
    ['name', { name: 'patients' }],
    ['source hash', { sourceHash: 'abc' }],
  ])('changes with the %s', (_what, over) => {
    expect(computeKey(parts(over))).not.toBe(computeKey(parts()));
  });
});

describe('hashSources', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-sources-'));
    resetSourceHashes();
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('changes when a source file is edited, and only then', () => {
    const file = path.join(dir, 'makeTable.ts');
    fs.writeFileSync(file, 'export const rows = 1;');
    const before = hashSources([file]);
    expect(hashSources([file])).toBe(before);

    fs.writeFileSync(file, 'export const rows = 22;');

    expect(hashSources([file])).not.toBe(before);
  });

  it('depends on contents only, not on paths or order', () => {
    const a = path.join(dir, 'a.ts');
    const b = path.join(dir, 'b.ts');
    fs.writeFileSync(a, 'A');
    fs.writeFileSync(b, 'B');
    const copy = path.join(dir, 'copy-of-a.ts');
    fs.copyFileSync(a, copy);

    expect(hashSources([a, b])).toBe(hashSources([b, a]));
    expect(hashSources([copy, b])).toBe(hashSources([a, b]));
    expect(hashSources([])).toBe('');
  });

  it('reads a file again only when its mtime or size changed', () => {
    const file = path.join(dir, 'gen.ts');
    fs.writeFileSync(file, 'one');
    const mtime = new Date(1_700_000_000_000);
    fs.utimesSync(file, mtime, mtime);
    const first = hashSources([file]);

    // same size, same mtime: the memoised hash is used (the file is not read again)
    fs.writeFileSync(file, 'two');
    fs.utimesSync(file, mtime, mtime);
    expect(hashSources([file])).toBe(first);

    fs.utimesSync(file, mtime, new Date(mtime.getTime() + 5000));
    expect(hashSources([file])).not.toBe(first);
  });

  it('names the missing file and the option', () => {
    const missing = path.join(dir, 'gone.ts');
    expect(() => hashSources([missing])).toThrow(`Cannot read the source file ${missing}`);
    expect(() => hashSources([missing])).toThrow('option sources');
  });
});
