import { count, nonNegative, stringArray } from './common';

const kind = {
  enum: ['regressed', 'unconfirmed', 'minor', 'improved', 'unchanged', 'new', 'missing', 'unjudged'],
} as const;
const number = { type: 'number' } as const;
const counts = {
  type: 'object',
  required: kind.enum,
  additionalProperties: false,
  properties: Object.fromEntries(kind.enum.map((k) => [k, count])),
} as const;
const testbed = { type: 'object', required: ['key'], properties: { key: { type: 'string' } } } as const;

const entrySchema = {
  type: 'object',
  required: ['kind', 'scope', 'subject', 'file'],
  additionalProperties: false,
  properties: {
    kind,
    scope: { enum: ['test', 'file', 'startup', 'hook', 'run'] },
    subject: { type: 'string', minLength: 1 },
    file: { type: ['string', 'null'] },
    reason: { type: 'string' },
    evidence: { enum: ['wall', 'cpu'] },
    baselineMs: nonNegative,
    currentMs: nonNegative,
    change: { type: ['number', 'null'] },
    deltaMs: number,
    threshold: { type: 'number', exclusiveMinimum: 0 },
    noiseMs: nonNegative,
    baselineSamples: count,
    currentSamples: count,
    cpuShare: { type: ['number', 'null'] },
  },
} as const;

const judged = {
  type: 'object',
  required: [
    'schemaVersion',
    'status',
    'coverage',
    'baseline',
    'current',
    'confirmed',
    'notes',
    'speed',
    'thresholds',
    'top',
    'counts',
    'slowCount',
    'verdicts',
  ],
  additionalProperties: false,
  properties: {
    schemaVersion: { const: 1 },
    status: { enum: ['passed', 'failed'] },
    coverage: { type: 'string' },
    baseline: {
      type: 'object',
      required: ['runs', 'testbed'],
      properties: { runs: count, testbed: { anyOf: [testbed, { type: 'null' }] } },
    },
    current: { type: 'object', required: ['runIds', 'testbed'], properties: { runIds: stringArray, testbed } },
    confirmed: { type: 'boolean' },
    notes: stringArray,
    speed: {
      anyOf: [
        { type: 'null' },
        {
          type: 'object',
          required: ['factor', 'cpuFactor', 'tests', 'applied'],
          properties: {
            factor: number,
            cpuFactor: { type: ['number', 'null'] },
            tests: count,
            applied: { type: 'boolean' },
          },
        },
      ],
    },
    thresholds: {
      type: 'object',
      required: ['test', 'suite', 'minAbsoluteMs'],
      additionalProperties: false,
      properties: { test: number, suite: number, minAbsoluteMs: nonNegative },
    },
    top: count,
    counts: { type: 'object', required: ['tests', 'suites'], properties: { tests: counts, suites: counts } },
    slowCount: {
      type: 'object',
      required: ['kind', 'baseline', 'current', 'slowTestMs', 'newlySlow'],
      properties: {
        kind: { enum: ['regressed', 'improved', 'unchanged'] },
        baseline: nonNegative,
        current: nonNegative,
        slowTestMs: nonNegative,
        newlySlow: stringArray,
      },
    },
    verdicts: {
      type: 'array',
      items: {
        type: 'object',
        required: ['kind', 'total', 'entries'],
        additionalProperties: false,
        properties: { kind, total: count, entries: { type: 'array', items: entrySchema } },
      },
    },
  },
} as const;

const skipped = {
  type: 'object',
  required: ['schemaVersion', 'status', 'reason'],
  additionalProperties: false,
  properties: { schemaVersion: { const: 1 }, status: { const: 'skipped' }, reason: { type: 'string' } },
} as const;

/** JSON schema of {@link CheckReport}: what `npx jest-perf check --format json` prints. */
export const checkReportSchema = {
  $id: 'jest-perf/check-report',
  type: 'object',
  oneOf: [judged, skipped],
} as const;
