import { type EnvSource, readEnv, SILENT_ENV, SUMMARY_ENV } from '@jest-perf/core/env';
import type { ReporterOptions } from '../isEnabled';

/** What the reporter prints at the end of a tracked run. */
export type EndOfRunOutput = { kind: 'nothing' } | { kind: 'line' } | { kind: 'summary'; top: number };

export const DEFAULT_SUMMARY_TOP = 5;

/** A yes/no variable of core's list, undefined when unset (then the reporter option decides). */
function envSwitch(env: EnvSource, name: typeof SILENT_ENV | typeof SUMMARY_ENV): boolean | undefined {
  return (env[name] ?? '').trim() === '' ? undefined : readEnv(name, env);
}

/**
 * The end-of-run output from the reporter's options and the environment. An environment variable, when
 * set, overrides the option (a CI job or a jest-perf command quiets a project's runs without editing its
 * Jest config).
 */
export function endOfRunOutput(options: ReporterOptions, env: EnvSource): EndOfRunOutput {
  if (envSwitch(env, SILENT_ENV) ?? options.silent) return { kind: 'nothing' };
  if (!(envSwitch(env, SUMMARY_ENV) ?? options.summary ?? true)) return { kind: 'line' };
  return { kind: 'summary', top: options.top ?? DEFAULT_SUMMARY_TOP };
}
