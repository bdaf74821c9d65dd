import { BASELINE_RUNS, BUILD_BASELINE, commandFor, JEST_PERF_CLI } from '@jest-perf/core';
import { formatDuration } from '@jest-perf/regression';
import type { HookProfile } from './profileFixtures';
import type { Report } from './reportModel';

/**
 * How a report without a baseline says to get one: from a few tracked runs (5: enough to see each test's
 * noise), as the run summary counts them down.
 */
export const CREATE_BASELINE = `once ${BASELINE_RUNS} runs are tracked, create one with \`${BUILD_BASELINE}\``;

/** Hook time above this share of a test's duration makes its setup the thing to fix. */
const SETUP_SHARE = 0.5;
const SETUP_MIN_MS = 200;
/** Start-up above this share of the files' runtime (and at least STARTUP_MIN_MS) is worth a recommendation. */
const STARTUP_SHARE = 0.5;
const STARTUP_MIN_MS = 1000;

function startupAdvice(startup: Report['startup']): string | null {
  const worst = startup.files[0];
  if (!worst || startup.totalMs < STARTUP_MIN_MS || startup.totalMs / startup.runtimeMs < STARTUP_SHARE) return null;
  return (
    `Files spend ${formatDuration(startup.totalMs)} of ${formatDuration(startup.runtimeMs)} starting up, outside their tests and hooks; ` +
    `the most, ${worst.file} (${formatDuration(worst.startupMs)}): ${worst.advice}.`
  );
}

/** Concrete next steps, most useful first, each naming the command or change that addresses it. */
export function recommend(report: Omit<Report, 'recommendations'>, hooks: HookProfile[]): string[] {
  const advice: string[] = [];
  const { summary, regressions, uncategorizedSlow, slowest, startup } = report;
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
    advice.push(
      `Regressed: ${what.join(', ')}. Confirm on a quiet machine with \`${JEST_PERF_CLI} check --confirm 3\`.`,
    );
  }
  const unconfirmed = regressions
    ? [...regressions.tests, ...regressions.suites].filter((v) => v.kind === 'unconfirmed').length
    : 0;
  if (unconfirmed > 0) {
    advice.push(
      `${unconfirmed} large change(s) are unconfirmed: rerun them with \`${JEST_PERF_CLI} check --confirm 3\` (reruns the files, keeps each one's fastest time).`,
    );
  }
  if (!regressions) advice.push(`No baseline to compare with: ${CREATE_BASELINE}.`);
  if (uncategorizedSlow.length > 0) {
    advice.push(
      `${uncategorizedSlow.length} test(s) are over ${formatDuration(summary.slowTestMs)} without a \`slow\` tag: \`${JEST_PERF_CLI} categorize --apply\` tags them so \`JEST_PERF_SKIP_TAGS=slow ${commandFor('jest')}\` can skip them.`,
    );
  }
  const startupLine = startupAdvice(startup);
  if (startupLine) advice.push(startupLine);
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
