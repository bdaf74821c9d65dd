import { count, isoDate, nonNegative, ratio, stringArray } from './common';

const statsSchema = {
  type: 'object',
  required: ['median', 'mad', 'samples', 'min', 'max'],
  properties: {
    median: nonNegative,
    mad: nonNegative,
    samples: { ...count, minimum: 1 },
    min: nonNegative,
    max: nonNegative,
  },
} as const;

/** JSON schema of {@link Baseline}. */
export const baselineSchema = {
  $id: 'jest-perf/baseline',
  type: 'object',
  required: ['schemaVersion', 'createdAt', 'source', 'overrides', 'slowTestMs', 'slowCount', 'tests', 'suites'],
  properties: {
    schemaVersion: { const: 2 },
    createdAt: isoDate,
    source: {
      type: 'object',
      required: ['runIds', 'commit'],
      properties: { runIds: stringArray, commit: { type: ['string', 'null'] } },
    },
    overrides: {
      type: 'object',
      required: ['tests', 'files'],
      additionalProperties: false,
      properties: {
        tests: { type: 'object', additionalProperties: ratio },
        files: { type: 'object', additionalProperties: ratio },
      },
    },
    slowTestMs: nonNegative,
    slowCount: nonNegative,
    tests: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        required: ['file', 'durationMs', 'stats'],
        properties: {
          file: { type: 'string' },
          durationMs: nonNegative,
          stats: statsSchema,
          cpu: statsSchema,
        },
      },
    },
    suites: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        required: ['durationMs', 'stats', 'tests'],
        properties: { durationMs: nonNegative, stats: statsSchema, tests: count },
      },
    },
    files: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        required: ['runtimeMs', 'samples'],
        properties: {
          runtimeMs: nonNegative,
          samples: count,
          runtime: statsSchema,
          tests: statsSchema,
          startup: statsSchema,
          hooks: { type: 'object', additionalProperties: statsSchema },
          cpu: statsSchema,
        },
      },
    },
    testbed: {
      type: 'object',
      required: ['key', 'cpuModel', 'cores', 'memoryGb', 'os', 'nodeMajor', 'jestMajor'],
      properties: {
        key: { type: 'string' },
        cpuModel: { type: 'string' },
        cores: count,
        memoryGb: nonNegative,
        os: { type: 'string' },
        nodeMajor: count,
        jestMajor: count,
      },
    },
    run: {
      type: 'object',
      required: ['totalMs'],
      properties: { totalMs: statsSchema, cpuMs: statsSchema },
    },
  },
} as const;

const { overrides: _overrides, ...v2Properties } = baselineSchema.properties;

/** A record of entries as version 1 wrote them: each with the config's threshold copied in. */
function withThreshold<E extends { required: readonly string[]; properties: object }>(record: {
  type: 'object';
  additionalProperties: E;
}) {
  const entry = record.additionalProperties;
  return {
    type: 'object',
    additionalProperties: {
      ...entry,
      required: [...entry.required, 'threshold'],
      properties: { ...entry.properties, threshold: ratio },
    },
  } as const;
}

/**
 * JSON schema of a version-1 baseline (read only, to migrate it): the config's thresholds copied in globally
 * and into every test and suite, where a hand edit could only be guessed.
 */
export const baselineV1Schema = {
  $id: 'jest-perf/baseline-v1',
  type: 'object',
  required: ['schemaVersion', 'createdAt', 'source', 'thresholds', 'slowTestMs', 'slowCount', 'tests', 'suites'],
  properties: {
    ...v2Properties,
    schemaVersion: { const: 1 },
    thresholds: {
      type: 'object',
      required: ['test', 'suite', 'minAbsoluteMs'],
      properties: { test: ratio, suite: ratio, minAbsoluteMs: nonNegative },
    },
    tests: withThreshold(baselineSchema.properties.tests),
    suites: withThreshold(baselineSchema.properties.suites),
  },
} as const;
