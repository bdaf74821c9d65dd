import { formatDuration } from '@jest-perf/regression';
import type { HookProfile } from '../analysis/profileFixtures';
import type { Report } from './buildReport';

/** Hook time above this share of a test's duration makes its setup the thing to fix. */
const SETUP_SHARE = 0.5;
const SETUP_MIN_MS = 200;

/** Concrete next steps, most useful first, each naming the command or change that addresses it. */
export function recommend(report: Omit<Report, 'recommendations'>, hooks: HookProfile[]): string[] {
  const advice: string[] = [];
  const { summary, regressions, uncategorizedSlow, slowest } = report;
  if (summary.incomplete) {
    advice.push(`The run is incomplete (${summary.incompleteReasons.join('; ')}): numbers may be missing tests.`);
  }
  if (regressions?.regressed) {
    // A file, hook, the whole run or the slow count can fail the check without any single test.
    const tests = regressions.tests.filter((v) => v.kind === 'regressed').length;
    const suites = regressions.suites.filter((v) => v.kind === 'regressed').length;
    const what = [
      ...(tests > 0 ? [`${tests} test(s)`] : []),
      ...(suites > 0 ? [`${suites} file, hook or whole-run verdict(s)`] : []),
      ...(regressions.slowCount.kind === 'regressed' ? ['the slow-test count'] : []),
    ];
    advice.push(`Regressed: ${what.join(', ')}. Confirm on a quiet machine with \`npx jest-perf check --confirm 3\`.`);
  }
  const unconfirmed = regressions
    ? [...regressions.tests, ...regressions.suites].filter((v) => v.kind === 'unconfirmed').length
    : 0;
  if (unconfirmed > 0) {
    advice.push(
      `${unconfirmed} large change(s) are unconfirmed: rerun them with \`npx jest-perf check --confirm 3\` (reruns the files, keeps each one's fastest time).`,
    );
  }
  if (!regressions)
    advice.push('No baseline to compare with: create one with `npx jest-perf baseline --from-history 5`.');
  if (uncategorizedSlow.length > 0) {
    advice.push(
      `${uncategorizedSlow.length} test(s) are over ${formatDuration(summary.slowTestMs)} without a \`slow\` tag: \`jest-perf categorize --apply\` tags them so \`pnpm test:fast\` can skip them.`,
    );
  }
  for (const hook of hooks.filter((h) => h.advice !== null).slice(0, 5)) {
    const where = `${hook.file}${hook.line === null ? '' : `:${hook.line}`}`;
    advice.push(`${hook.type} at ${where} ${hook.advice}.`);
  }
  for (const test of slowest) {
    if (test.setupMs >= SETUP_MIN_MS && test.setupMs / Math.max(1, test.durationMs) > SETUP_SHARE) {
      advice.push(
        `${test.id} spends ${formatDuration(test.setupMs)} of ${formatDuration(test.durationMs)} in hooks: share or cache its fixtures.`,
      );
    }
  }
  return advice;
}
