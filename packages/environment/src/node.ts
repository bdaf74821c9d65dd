import NodeEnvironment from 'jest-environment-node';
import { withPerfTracking } from './withPerfTracking';

/** `testEnvironment: '@jest-perf/environment'`: Jest's node environment with jest-perf tracking. */
const PerfNodeEnvironment = withPerfTracking(NodeEnvironment);
export = PerfNodeEnvironment;
