import { wrappingEnvironment } from './wrappingEnvironment';

/**
 * `testEnvironment: '@jest-perf/environment/jsdom'`: the project's jest-environment-jsdom with jest-perf
 * tracking (the same as `@jest-perf/environment` with `testEnvironmentOptions: { jestPerf: { base: 'jsdom' } }`).
 */
const PerfJsdomEnvironment = wrappingEnvironment('jsdom');
export = PerfJsdomEnvironment;
