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
    tests: {
      type: 'object',
      additionalProperties: {
        ...baselineSchema.properties.tests.additionalProperties,
        required: ['file', 'durationMs', 'threshold', 'stats'],
        properties: { ...baselineSchema.properties.tests.additionalProperties.properties, threshold: ratio },
      },
    },
    suites: {
      type: 'object',
      additionalProperties: {
        ...baselineSchema.properties.suites.additionalProperties,
        required: ['durationMs', 'threshold', 'stats', 'tests'],
        properties: { ...baselineSchema.properties.suites.additionalProperties.properties, threshold: ratio },
      },
    },
  },
} as const;
