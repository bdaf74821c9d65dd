import { type EnvSource, readEnv } from '@jest-perf/core/env';

/** Options users pass as `['@jest-perf/reporter', { ... }]`. */
export interface ReporterOptions {
  /** Force tracking on or off; by default it follows the `JEST_PERF` environment variable. */
  enabled?: boolean;
  /** Print nothing at the end of the run (default false; `JEST_PERF_SILENT=1` does the same). */
  silent?: boolean;
  /** Print the end-of-run summary (default true); false keeps only the "N tests tracked → file" line. */
  summary?: boolean;
  /** Rows in each of the summary's lists, slowest tests and slowest files (default 5). */
  top?: number;
}

const KNOWN = ['enabled', 'silent', 'summary', 'top'];

/** Tracking is opt-in: `JEST_PERF=1` (e.g. `JEST_PERF=1 npx jest`) or `{ enabled: true }`. */
export function isTrackingEnabled(options: ReporterOptions, env: EnvSource = process.env): boolean {
  if (typeof options.enabled === 'boolean') return options.enabled;
  return readEnv('JEST_PERF', env);
}

/** Checks reporter options the way Jest's own reporters do: name the option, say what it must be. */
export function validateOptions(options: unknown): ReporterOptions {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object') throw new TypeError('@jest-perf/reporter options must be an object');
  const { enabled, silent, summary, top, ...rest } = options as Record<string, unknown>;
  const unknown = Object.keys(rest);
  if (unknown.length > 0) {
    throw new TypeError(`@jest-perf/reporter: unknown option '${unknown[0]}' (known: ${KNOWN.join(', ')})`);
  }
  for (const [name, value] of Object.entries({ enabled, silent, summary })) {
    if (value !== undefined && typeof value !== 'boolean') {
      throw new TypeError(`@jest-perf/reporter: the option ${name} should be a boolean`);
    }
  }
  if (top !== undefined && (typeof top !== 'number' || !Number.isInteger(top) || top < 1)) {
    throw new TypeError(
      `@jest-perf/reporter: the option top should be a whole number of at least 1 (got ${String(top)})`,
    );
  }
  return {
    enabled: enabled as boolean | undefined,
    silent: silent as boolean | undefined,
    summary: summary as boolean | undefined,
    top: top as number | undefined,
  };
}
