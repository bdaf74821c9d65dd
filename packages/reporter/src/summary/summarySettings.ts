import { SILENT_ENV, SUMMARY_ENV } from '@jest-perf/core';
import { FALSY, type ReporterOptions, TRUTHY } from '../isEnabled';

/** What the reporter prints at the end of a tracked run. */
export type EndOfRunOutput = { kind: 'nothing' } | { kind: 'line' } | { kind: 'summary'; top: number };

export const DEFAULT_SUMMARY_TOP = 5;

/** A yes/no environment variable, undefined when unset. @throws TypeError naming the variable and its values. */
function envSwitch(env: NodeJS.ProcessEnv, name: string): boolean | undefined {
  const value = (env[name] ?? '').trim().toLowerCase();
  if (value === '') return undefined;
  if (TRUTHY.has(value)) return true;
  if (FALSY.has(value)) return false;
  throw new TypeError(`@jest-perf/reporter: ${name}="${env[name]}" is not a switch: use 1 or 0 (or unset it)`);
}

/**
 * The end-of-run output from the reporter's options and the environment. An environment variable, when
 * set, overrides the option (a CI job or a jest-perf command quiets a project's runs without editing its
 * Jest config).
 */
export function endOfRunOutput(options: ReporterOptions, env: NodeJS.ProcessEnv): EndOfRunOutput {
  if (envSwitch(env, SILENT_ENV) ?? options.silent) return { kind: 'nothing' };
  if (!(envSwitch(env, SUMMARY_ENV) ?? options.summary ?? true)) return { kind: 'line' };
  return { kind: 'summary', top: options.top ?? DEFAULT_SUMMARY_TOP };
}
