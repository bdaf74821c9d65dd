// The public API of `@jest-perf/environment/api`, listed in the README ("Entry points"): what a custom
// environment needs to be tracked. The recorder, tag filter and worker-file parts are internal.
export type { EnvironmentClass, JestPerfEnvironmentOptions } from './resolveBase';
export { type PerfChannel, withPerfTracking } from './withPerfTracking';
export { wrappingEnvironment } from './wrappingEnvironment';
