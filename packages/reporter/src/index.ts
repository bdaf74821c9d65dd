import { PerfReporter } from './PerfReporter';

/** `reporters: ['default', '@jest-perf/reporter']` — Jest loads this entry with a plain require. */
export = PerfReporter;
