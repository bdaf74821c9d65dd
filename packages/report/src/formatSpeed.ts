import type { CompareResult } from '@jest-perf/regression';

/** The machine's speed against the baseline's, when it differs by 1 % or more: what the verdicts are relative to. */
export function formatSpeed(speed: CompareResult['speed']): string | null {
  if (!speed || Math.abs(speed.factor - 1) < 0.01) return null;
  const change = `${(Math.abs(speed.factor - 1) * 100).toFixed(1)} % ${speed.factor > 1 ? 'slower' : 'faster'}`;
  const across = `this run was ${change} than the baseline across ${speed.tests} tests`;
  return speed.applied
    ? `machine: ${across}; each test is compared with its baseline × ${speed.factor.toFixed(3)} (--no-normalize-speed: as measured)`
    : `machine: ${across}, past the suite threshold: tests compared as measured`;
}
