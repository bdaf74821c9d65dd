import { validateWith, type WorkerFileRecord, workerFileRecordSchema } from '@jest-perf/core';
import { isWorkerFileRecord } from '../isWorkerFileRecord';

function schemaAccepts(value: unknown): boolean {
  try {
    validateWith(workerFileRecordSchema, value, { what: 'worker record', fix: '' });
    return true;
  } catch {
    return false;
  }
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

describe('isWorkerFileRecord', () => {
  it('accepts a record the environment writes', () => {
    expect(isWorkerFileRecord(valid)).toBe(true);
  });

  it.each(variants())('agrees with the worker record schema: %s', (_name, value) => {
    expect(isWorkerFileRecord(value)).toBe(schemaAccepts(value));
  });
});
