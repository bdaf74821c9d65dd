import { JestPerfError } from '@jest-perf/core';

/** A bad flag or flag combination: the message says what is wrong; `example` shows a right call. */
export function usageError(message: string, example: string): JestPerfError {
  return new JestPerfError('JEST_PERF_USAGE', `${message}\nExample: ${example}`);
}

/** One clear line (plus its fix) for any error; a stack only for real bugs, under JEST_PERF_DEBUG. */
export function formatError(error: unknown, debug: boolean): string {
  if (error instanceof JestPerfError) return `jest-perf: ${error.message}`;
  const text = error instanceof Error ? error.message : String(error);
  const stack = debug && error instanceof Error && error.stack ? `\n${error.stack}` : '';
  return `jest-perf: unexpected error: ${text}${stack}\n  (set JEST_PERF_DEBUG=1 for the stack trace)`;
}
