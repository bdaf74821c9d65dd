import { wrappingEnvironment } from './wrappingEnvironment';

/**
 * `@jest-environment @jest-perf/environment/node` in a file's docblock: Jest's node environment with jest-perf
 * tracking, whatever `testEnvironmentOptions.jestPerf.base` says (a node file in a jsdom project).
 */
const PerfNodeEnvironment = wrappingEnvironment('node', { fixed: true });
export = PerfNodeEnvironment;
