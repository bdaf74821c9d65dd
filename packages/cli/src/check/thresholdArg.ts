import { JEST_PERF_CLI, type JestPerfConfig } from '@jest-perf/core';
import { usageError } from '../usageError';

type Thresholds = JestPerfConfig['thresholds'];

/** A right `--threshold` call: its usage errors end with it. */
export const THRESHOLD_EXAMPLE = `${JEST_PERF_CLI} check --threshold test=20%,suite=15%,minImpact=100ms`;

/** What each key of `--threshold` sets, and how its value reads. */
const KEYS: Record<string, { field: keyof Thresholds; unit: 'percent' | 'duration' }> = {
  test: { field: 'test', unit: 'percent' },
  suite: { field: 'suite', unit: 'percent' },
  minImpact: { field: 'minAbsoluteMs', unit: 'duration' },
};

/** `20%` → 0.2. A bare number is refused: `20` could mean 20 % or 2000 % (the config's 0.2 form). */
function percent(key: string, text: string): number {
  const match = /^(\d+(?:\.\d+)?)%$/.exec(text);
  const value = match ? Number(match[1]) / 100 : Number.NaN;
  if (!(value > 0)) {
    throw usageError(`--threshold ${key}=${text}: give a percentage above 0, such as ${key}=20%`, THRESHOLD_EXAMPLE);
  }
  return value;
}

/** `100ms` → 100, `1.5s` → 1500. */
function duration(key: string, text: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s)$/.exec(text);
  if (!match)
    throw usageError(
      `--threshold ${key}=${text}: give a duration such as ${key}=100ms or ${key}=1s`,
      THRESHOLD_EXAMPLE,
    );
  return Number(match[1]) * (match[2] === 's' ? 1000 : 1);
}

/**
 * Reads `--threshold test=20%,suite=15%,minImpact=100ms` (the flag may repeat): this invocation's thresholds,
 * which win over the config's. Undefined when the flag is not given.
 * @throws JestPerfError `JEST_PERF_USAGE` naming the bad part and showing a right call.
 */
export function parseThresholdArg(value: unknown): Partial<Thresholds> | undefined {
  if (value === undefined) return undefined;
  const parts = (Array.isArray(value) ? value : [value]).flatMap((item) => String(item).split(','));
  const out: Partial<Thresholds> = {};
  for (const raw of parts) {
    const part = raw.trim();
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    const spec = Object.hasOwn(KEYS, key) ? KEYS[key] : undefined;
    if (!spec || eq < 0) {
      const what = spec ? `${key} needs a value` : `unknown key "${key}"`;
      throw usageError(`--threshold ${part}: ${what}; the keys are ${Object.keys(KEYS).join(', ')}`, THRESHOLD_EXAMPLE);
    }
    if (out[spec.field] !== undefined) throw usageError(`--threshold sets ${key} twice`, THRESHOLD_EXAMPLE);
    const text = part.slice(eq + 1).trim();
    out[spec.field] = spec.unit === 'percent' ? percent(key, text) : duration(key, text);
  }
  return out;
}
