import { type EnvSource, readEnv } from '@jest-perf/core/env';

/** Options users pass as `['@jest-perf/reporter', { ... }]`. */
export interface ReporterOptions {
  /** Force tracking on or off; by default it follows the `JEST_PERF` environment variable. */
  enabled?: boolean;
  /** Print the one-line "run written to ..." notice (default true). */
  silent?: boolean;
}

/** Tracking is opt-in: `JEST_PERF=1` (e.g. `JEST_PERF=1 npx jest`) or `{ enabled: true }`. */
export function isTrackingEnabled(options: ReporterOptions, env: EnvSource = process.env): boolean {
  if (typeof options.enabled === 'boolean') return options.enabled;
  return readEnv('JEST_PERF', env);
}

/** Checks reporter options the way Jest's own reporters do: name the option, say what it must be. */
export function validateOptions(options: unknown): ReporterOptions {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object') throw new TypeError('@jest-perf/reporter options must be an object');
  const { enabled, silent, ...rest } = options as Record<string, unknown>;
  const unknown = Object.keys(rest);
  if (unknown.length > 0) {
    throw new TypeError(`@jest-perf/reporter: unknown option '${unknown[0]}' (known: enabled, silent)`);
  }
  if (enabled !== undefined && typeof enabled !== 'boolean') {
    throw new TypeError('@jest-perf/reporter: the option enabled should be a boolean');
  }
  if (silent !== undefined && typeof silent !== 'boolean') {
    throw new TypeError('@jest-perf/reporter: the option silent should be a boolean');
  }
  return { enabled, silent };
}
