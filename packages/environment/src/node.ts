import { wrappingEnvironment } from './wrappingEnvironment';

/**
 * `testEnvironment: '@jest-perf/environment'`: the project's own environment with jest-perf tracking,
 * Jest's node environment unless `testEnvironmentOptions: { jestPerf: { base } }` names another.
 */
const PerfWrappingEnvironment = wrappingEnvironment('node');
export = PerfWrappingEnvironment;
