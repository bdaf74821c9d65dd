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
    const count = regressions.tests.filter((v) => v.kind === 'regressed').length;
    advice.push(`${count} test(s) regressed: confirm on a quiet machine with \`jest-perf check --confirm 3\`.`);
  }
  const noisy = regressions?.tests.filter((v) => v.kind === 'noisy').length ?? 0;
  if (noisy > 0) {
    advice.push(
      `${noisy} test(s) are too noisy to judge: rebuild the baseline from more runs (\`jest-perf baseline --from-history 10\`).`,
    );
  }
  if (!regressions) advice.push('No baseline to compare with: create one with `npx jest-perf baseline`.');
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
