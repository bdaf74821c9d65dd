import type { EnvironmentContext, JestEnvironment, JestEnvironmentConfig } from '@jest/environment';
import { withPerfTracking } from './withPerfTracking';

type EnvironmentClass = new (config: JestEnvironmentConfig, context: EnvironmentContext) => JestEnvironment;

function loadJsdomEnvironment(): EnvironmentClass {
  try {
    // Optional peer: only suites that use jsdom install it.
    const jsdom = require('jest-environment-jsdom') as { default?: EnvironmentClass } & EnvironmentClass;
    return jsdom.default ?? jsdom;
  } catch (cause) {
    throw new Error(
      '@jest-perf/environment/jsdom needs jest-environment-jsdom. Fix: pnpm add -D jest-environment-jsdom',
      { cause },
    );
  }
}

/** `testEnvironment: '@jest-perf/environment/jsdom'`: Jest's jsdom environment with jest-perf tracking. */
const PerfJsdomEnvironment = withPerfTracking(loadJsdomEnvironment());
export = PerfJsdomEnvironment;
