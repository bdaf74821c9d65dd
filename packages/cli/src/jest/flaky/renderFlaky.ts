import type { FlakyFile, FlakyReport, FlakyTest } from '@jest-perf/core';

/** `0.42 %`: flake rates are small, so two decimals. */
export function formatRate(fraction: number): string {
  return `${(fraction * 100).toFixed(2)} %`;
}

function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/**
 * The command that replays a failing order. It runs the whole file, not one test with `-t`: an
 * order-dependent failure needs the tests that ran before it, and the seed fixes their order.
 */
export function reproduceCommand(seed: number, file: string): string {
  return `npx jest --randomize --seed=${seed} ${shellQuote(file)}`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/`/g, "'");
}

function seedRange(seeds: number[]): string {
  if (seeds.length === 0) return 'none';
  return seeds.length === 1 ? String(seeds[0]) : `${seeds[0]}…${seeds[seeds.length - 1]}`;
}

/** One line for the console and the top of the markdown. */
export function summaryLine(report: FlakyReport): string {
  const s = report.summary;
  const files = s.filesFailedToRun > 0 ? `, ${s.filesFailedToRun} file(s) failed to run` : '';
  return (
    `${report.runs} randomized runs (seeds ${seedRange(report.seeds)}): ${s.tests} tests, ` +
    `${s.flakyTests} flaky, ${s.brokenTests} broken${files}; flake rate ${formatRate(s.flakeRate)} ` +
    `(${s.flakyExecutions}/${s.executions} executions); runs with a failure: ${s.runsWithFailures}/${report.runs}`
  );
}

function testRows(tests: FlakyTest[]): string[] {
  return tests.map((t) => {
    const rate = formatRate(t.failed / (t.passed + t.failed));
    const seed = t.failingSeeds[0] ?? 0;
    return (
      `| \`${cell(t.id)}\` | ${t.passed} | ${t.failed} | ${rate} | ${cell(t.firstFailure ?? '')} | ` +
      `\`${cell(reproduceCommand(seed, t.file))}\` |`
    );
  });
}

function testTable(title: string, tests: FlakyTest[]): string[] {
  if (tests.length === 0) return [];
  return [
    `## ${title} (${tests.length})`,
    '',
    '| test | passed | failed | fail rate | first failure | reproduce |',
    '|---|--:|--:|--:|---|---|',
    ...testRows(tests),
    '',
  ];
}

function fileTable(files: FlakyFile[]): string[] {
  if (files.length === 0) return [];
  return [
    `## Files that failed to run (${files.length})`,
    '',
    '| file | failed runs | status | first error | reproduce |',
    '|---|--:|---|---|---|',
    ...files.map(
      (f) =>
        `| \`${cell(f.file)}\` | ${f.failedRuns}/${f.runs} | ${f.status} | ${cell(f.firstFailure)} | ` +
        `\`${cell(reproduceCommand(f.failingSeeds[0] ?? 0, f.file))}\` |`,
    ),
    '',
  ];
}

/** The report as markdown: the summary, then flaky tests, broken tests and files that failed to run. */
export function renderFlakyMarkdown(report: FlakyReport): string {
  const flaky = report.tests.filter((t) => t.status === 'flaky');
  const broken = report.tests.filter((t) => t.status === 'broken');
  const sections = [
    ...testTable('Flaky tests', flaky),
    ...testTable('Broken tests', broken),
    ...fileTable(report.files),
  ];
  const args = report.jestArgs.length > 0 ? ` Jest arguments: \`${cell(report.jestArgs.join(' '))}\`.` : '';
  return [
    '# jest-perf flaky',
    '',
    summaryLine(report),
    '',
    ...(sections.length > 0 ? sections : ['No test failed in any run.', '']),
    `Flake rate: failed executions of flaky tests (tests that both passed and failed) ÷ all test executions ` +
      `(passed or failed, over all runs). Broken tests fail every run and are not counted as flakes.${args}`,
    '',
  ].join('\n');
}
