import * as fs from 'node:fs';
import * as path from 'node:path';
import { workerFileRecordSchema } from '../schemas/runFile.schema';
import { checkWorkerFileRecord } from '../schemas/workerFileRecordValidator';
import type { WorkerFileRecord } from '../types';
import { AJV_OPTIONS, validateWith } from '../validate';

const generator = require('../../scripts/generateValidators.cjs') as {
  validatorSource(schema: object, ajvOptions: object, name: string): string;
};

/** What ajv, compiling the schema at run time, says of `value`: null when it matches, else the message. */
function runtimeAjvProblem(value: unknown): string | null {
  try {
    validateWith(workerFileRecordSchema, value, { what: 'worker record', fix: '' });
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

function problemOf(value: unknown): string | null {
  const check = checkWorkerFileRecord(value);
  return check.valid ? null : check.problem;
}

const valid: WorkerFileRecord = {
  kind: 'file',
  testPath: '/repo/a.test.ts',
  worker: 2,
  fileTags: ['serial'],
  hookMs: 1.5,
  hooks: [
    { type: 'beforeEach', describePath: ['Math'], line: 4, calls: 2, totalMs: 1.5, maxMs: 1 },
    { type: 'afterAll', describePath: [], calls: 0, totalMs: 0, maxMs: 0 },
  ],
  testSetupMs: [0.75, 0],
  counters: { llmMock: { calls: 3 }, fixtureCache: {} },
};

type Json = Record<string, unknown>;

function hooks(record: Json): Json[] {
  return record.hooks as Json[];
}

function testSetupMs(record: Json): unknown[] {
  return record.testSetupMs as unknown[];
}

/** `valid` with `change` applied to a deep copy: each case breaks (or keeps) one field. */
function variant(change: (copy: Json) => unknown): unknown {
  const copy = structuredClone(valid) as unknown as Json;
  change(copy);
  return copy;
}

const WRONG_VALUES: unknown[] = [null, -1, 1.5, '', 'x', true, [], {}, ['x'], [1]];

/** Every field of the record and of its nested objects set to each wrong-looking value, or removed. */
function variants(): [string, unknown][] {
  const cases: [string, unknown][] = [['the valid record', valid]];
  const targets: [string, (record: Json) => Json][] = [
    ['', (record) => record],
    ['hooks/0/', (record) => hooks(record)[0]!],
  ];
  for (const [prefix, target] of targets) {
    for (const key of Object.keys(target(structuredClone(valid) as unknown as Json))) {
      cases.push([`${prefix}${key} removed`, variant((copy) => delete target(copy)[key])]);
      for (const value of WRONG_VALUES) {
        cases.push([`${prefix}${key} = ${JSON.stringify(value)}`, variant((copy) => (target(copy)[key] = value))]);
      }
    }
  }
  cases.push(
    ['an extra field', variant((copy) => (copy.extra = 1))],
    ['a hook of an unknown type', variant((copy) => (hooks(copy)[0]!.type = 'beforeSuite'))],
    ['a counter group that is not an object', variant((copy) => (copy.counters = { llmMock: 3 }))],
    ['a counter that is not a number', variant((copy) => (copy.counters = { llmMock: { calls: '3' } }))],
    ['a hook that is not an object', variant((copy) => (hooks(copy)[1] = 'beforeAll' as unknown as Json))],
    ['a negative test setup time', variant((copy) => (testSetupMs(copy)[1] = -0.5))],
    ['a test setup time that is not a number', variant((copy) => (testSetupMs(copy)[0] = '0.75'))],
    ['a describe path with a number', variant((copy) => (hooks(copy)[0]!.describePath = ['a', 1]))],
    ['a null worker', variant((copy) => (copy.worker = null))],
    [
      'no hooks, tests or counters',
      variant((copy) => Object.assign(copy, { hooks: [], testSetupMs: [], counters: {} })),
    ],
  );
  for (const value of [null, [], 'file', 1]) cases.push([`the record itself = ${JSON.stringify(value)}`, value]);
  return cases;
}

describe('checkWorkerFileRecord', () => {
  it('accepts a record the environment writes, and hands it back', () => {
    expect(checkWorkerFileRecord(valid)).toEqual({ valid: true, record: valid });
  });

  it('names the field that is wrong, as validateWith does', () => {
    const check = checkWorkerFileRecord({ ...valid, hookMs: -1 });
    expect(check).toEqual({ valid: false, problem: 'Invalid worker record: field /hookMs must be >= 0' });
  });

  it.each(variants())('agrees with ajv compiling the schema at run time, message included: %s', (_name, value) => {
    expect(problemOf(value)).toBe(runtimeAjvProblem(value));
  });
});

describe('the generated validator module', () => {
  it('is the one workerFileRecordSchema compiles to today (stale: run pnpm build and commit it)', () => {
    const file = path.join(__dirname, '..', 'schemas', 'generated', 'workerFileRecord.validate.ts');
    const fresh = generator.validatorSource(workerFileRecordSchema, AJV_OPTIONS, 'workerFileRecordSchema');
    expect(fs.readFileSync(file, 'utf8')).toBe(fresh);
  });
});
