import { count, nonNegative, ratio, stringArray } from './common';

/** JSON schema of {@link JestPerfConfig}; every key optional, unknown keys rejected (typos surface). */
export const configSchema = {
  $id: 'jest-perf/config',
  type: 'object',
  additionalProperties: false,
  properties: {
    dataDir: { type: 'string', minLength: 1 },
    baselinePath: { type: 'string', minLength: 1 },
    historySize: { ...count, minimum: 1 },
    slowTestMs: nonNegative,
    thresholds: {
      type: 'object',
      additionalProperties: false,
      properties: { test: ratio, suite: ratio, minAbsoluteMs: nonNegative },
    },
    exclude: stringArray,
  },
} as const;
