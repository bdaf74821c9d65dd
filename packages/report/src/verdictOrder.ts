import type { VerdictKind } from '@jest-perf/regression';

/** The order reports list verdicts in: what fails first, then what to look at, then the rest. */
export const VERDICT_ORDER: readonly VerdictKind[] = [
  'regressed',
  'unconfirmed',
  'minor',
  'improved',
  'new',
  'missing',
  'unjudged',
  'unchanged',
];
