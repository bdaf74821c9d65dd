/** @jest-config-loader-options {"transpileOnly": true} */
import { reporters } from '@jest-perf/preset';
import type { Config } from 'jest';

const packages = [
  'core',
  'environment',
  'reporter',
  'preset',
  'regression',
  'cli',
  'fixture-cache',
  'llm-mock',
  'datasets',
  'parallel',
  'audit',
  'report',
];

/** Every package holds ≥ 80 % of its lines (benchmarks live in <package>/bench, outside src). */
const coverageThreshold: Config['coverageThreshold'] = {
  global: { lines: 80 },
  ...Object.fromEntries(packages.map((name) => [`./packages/${name}/src/`, { lines: 80 }])),
};

const config: Config = {
  reporters: reporters(),
  projects: [
    {
      displayName: 'unit',
      preset: '@jest-perf/preset/ts-jest',
      rootDir: '.',
      testMatch: ['<rootDir>/packages/*/src/**/__tests__/**/*.test.ts'],
    },
    {
      displayName: 'e2e',
      preset: '@jest-perf/preset/ts-jest',
      rootDir: '.',
      testMatch: ['<rootDir>/test/e2e/src/**/*.test.ts'],
      testTimeout: 120_000,
    },
  ],
  collectCoverageFrom: ['packages/*/src/**/*.ts', '!packages/*/src/**/__tests__/**', '!packages/*/src/**/generated/**'],
  coverageReporters: ['text-summary', 'json-summary'],
  coverageThreshold,
};

export default config;
