import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ErrorObject } from 'ajv';
import { JestPerfError } from '../errors';
import { describeSchemaError, readValidatedJson, validateWith } from '../validate';

const schema = {
  $id: 'test/validate-point',
  type: 'object',
  required: ['schemaVersion', 'points'],
  additionalProperties: false,
  properties: {
    schemaVersion: { const: 1 },
    points: { type: 'array', items: { type: 'number', minimum: 0 } },
    kind: { enum: ['a', 'b'] },
  },
} as const;

interface Doc {
  schemaVersion: 1;
  points: number[];
  kind?: 'a' | 'b';
}

const options = { what: 'point file', fix: 'regenerate the point file' };

let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-'));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

function catchError(fn: () => unknown): JestPerfError {
  try {
    fn();
  } catch (error) {
    if (error instanceof JestPerfError) return error;
    throw error;
  }
  throw new Error('expected a JestPerfError, nothing was thrown');
}

describe('readValidatedJson', () => {
  it('returns the parsed value when it matches the schema', () => {
    const file = write('ok.json', JSON.stringify({ schemaVersion: 1, points: [0, 2.5] }));

    expect(readValidatedJson<Doc>(file, schema, options)).toEqual({ schemaVersion: 1, points: [0, 2.5] });
  });

  it('reports a missing file as JEST_PERF_FILE_MISSING with the file and the fix', () => {
    const file = path.join(dir, 'absent.json');

    const error = catchError(() => readValidatedJson<Doc>(file, schema, options));

    expect(error.code).toBe('JEST_PERF_FILE_MISSING');
    expect(error.message).toContain('Cannot read point file');
    expect(error.message).toContain(file);
    expect(error.message).toContain('Fix: regenerate the point file');
  });

  it('reports a half-written file as JEST_PERF_FILE_CORRUPT with the file and the fix', () => {
    const file = write('half.json', '{"schemaVersion": 1, "poi');

    const error = catchError(() => readValidatedJson<Doc>(file, schema, options));

    expect(error.code).toBe('JEST_PERF_FILE_CORRUPT');
    expect(error.message).toContain('point file is not valid JSON');
    expect(error.message).toContain(file);
    expect(error.message).toContain('Fix: regenerate the point file');
  });

  it('refuses a newer schemaVersion with JEST_PERF_VERSION_UNSUPPORTED and says to upgrade', () => {
    const file = write('new.json', JSON.stringify({ schemaVersion: 2, points: [], future: true }));

    const error = catchError(() => readValidatedJson<Doc>(file, schema, options));

    expect(error.code).toBe('JEST_PERF_VERSION_UNSUPPORTED');
    expect(error.message).toContain('schemaVersion 2');
    expect(error.message).toContain(file);
    expect(error.message).toContain('upgrade the @jest-perf packages');
  });

  it('names the field path of a schema error, with the file and the fix', () => {
    const file = write('bad.json', JSON.stringify({ schemaVersion: 1, points: [1, -3] }));

    const error = catchError(() => readValidatedJson<Doc>(file, schema, options));

    expect(error.code).toBe('JEST_PERF_FILE_INVALID');
    expect(error.message).toContain('Invalid point file: field /points/1 must be >= 0');
    expect(error.message).toContain(file);
    expect(error.message).toContain('Fix: regenerate the point file');
  });

  it('reports a JSON null as a schema error at the root', () => {
    const file = write('null.json', 'null');

    expect(() => readValidatedJson<Doc>(file, schema, options)).toThrow('field (root) must be object');
  });
});

describe('validateWith', () => {
  it('returns the same value when valid', () => {
    const value = { schemaVersion: 1, points: [] };

    expect(validateWith<Doc>(schema, value, options)).toBe(value);
  });

  it('names an unexpected key', () => {
    expect(() => validateWith<Doc>(schema, { schemaVersion: 1, points: [], extra: 1 }, options)).toThrow(
      "field (root) must NOT have additional properties ('extra')",
    );
  });

  it('lists the allowed values of an enum', () => {
    expect(() => validateWith<Doc>(schema, { schemaVersion: 1, points: [], kind: 'c' }, options)).toThrow(
      'field /kind must be equal to one of the allowed values (["a","b"])',
    );
  });

  it('uses the error code it is given', () => {
    const error = catchError(() => validateWith<Doc>(schema, {}, { ...options, code: 'JEST_PERF_CONFIG_INVALID' }));

    expect(error.code).toBe('JEST_PERF_CONFIG_INVALID');
  });
});

describe('describeSchemaError', () => {
  it('falls back to a generic phrase without an ajv error', () => {
    expect(describeSchemaError(undefined)).toBe('does not match its schema');
  });

  it('says "is invalid" when ajv gives no message', () => {
    const error = { instancePath: '/a', keyword: 'type', params: {}, schemaPath: '#/a' } as unknown as ErrorObject;

    expect(describeSchemaError(error)).toBe('field /a is invalid');
  });
});
