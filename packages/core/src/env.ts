/**
 * Environment variables the reporter reads at the end of a tracked run, by name: set by users (CI) and
 * by jest-perf's own commands for the Jest runs they spawn, so both spell them from here.
 */
export const SUMMARY_ENV = 'JEST_PERF_SUMMARY';
/** `1`: the reporter prints nothing at the end of the run (the `silent: true` option, from the environment). */
export const SILENT_ENV = 'JEST_PERF_SILENT';
/** Write the run to this file only (no `runs/`, no `latest.json`, no history): a side run. */
export const OUTPUT_ENV = 'JEST_PERF_OUTPUT';
