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
  required: ['schemaVersion', 'createdAt', 'source', 'thresholds', 'slowTestMs', 'slowCount', 'tests', 'suites'],
  properties: {
    schemaVersion: { const: 1 },
    createdAt: isoDate,
    source: {
      type: 'object',
      required: ['runIds', 'commit'],
      properties: { runIds: stringArray, commit: { type: ['string', 'null'] } },
    },
    thresholds: {
      type: 'object',
      required: ['test', 'suite', 'minAbsoluteMs'],
      properties: { test: ratio, suite: ratio, minAbsoluteMs: nonNegative },
    },
    slowTestMs: nonNegative,
    slowCount: nonNegative,
    tests: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        required: ['file', 'durationMs', 'threshold', 'stats'],
        properties: {
          file: { type: 'string' },
          durationMs: nonNegative,
          threshold: ratio,
          stats: statsSchema,
          cpu: statsSchema,
        },
      },
    },
    suites: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        required: ['durationMs', 'threshold', 'stats', 'tests'],
        properties: { durationMs: nonNegative, threshold: ratio, stats: statsSchema, tests: count },
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
