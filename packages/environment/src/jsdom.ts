import { wrappingEnvironment } from './wrappingEnvironment';

/**
 * `testEnvironment: '@jest-perf/environment/jsdom'` (or `@jest-environment @jest-perf/environment/jsdom` in a
 * file's docblock): the project's jest-environment-jsdom with jest-perf tracking, whatever
 * `testEnvironmentOptions.jestPerf.base` says.
 */
const PerfJsdomEnvironment = wrappingEnvironment('jsdom', { fixed: true });
export = PerfJsdomEnvironment;
