import { aggregateFlaky } from '../jest/flaky/aggregate';
import { formatRate, renderFlakyMarkdown, reproduceCommand, summaryLine } from '../jest/flaky/renderFlaky';
import { outcome } from './helpers/flakyJest';

const createdAt = new Date('2026-03-01T10:00:00.000Z');

describe('reproduceCommand', () => {
  it('replays the whole file with the failing seed, quoting a path the shell would split', () => {
    expect(reproduceCommand(-12, 'src/a.test.ts')).toBe('npx jest --randomize --seed=-12 src/a.test.ts');
    expect(reproduceCommand(3, "src/it's here.test.ts")).toBe(
      "npx jest --randomize --seed=3 'src/it'\\''s here.test.ts'",
    );
  });
});

describe('formatRate', () => {
  it('shows a fraction as a percentage with two decimals', () => {
    expect(formatRate(0)).toBe('0.00 %');
    expect(formatRate(1 / 6)).toBe('16.67 %');
  });
});

describe('renderFlakyMarkdown', () => {
  it('lists flaky and broken tests with counts, rate, first failure and a reproduce command', () => {
    const report = aggregateFlaky(
      [
        outcome(100, { 'order | pipe': 'passed', steady: 'passed', broken: 'failed' }),
        outcome(101, { 'order | pipe': 'failed', steady: 'passed', broken: 'failed' }),
        outcome(102, { 'order | pipe': 'passed', steady: 'passed', broken: 'failed' }),
      ],
      { jestArgs: ['--selectProjects', 'unit'], createdAt },
    );

    expect(renderFlakyMarkdown(report)).toBe(
      [
        '# jest-perf flaky',
        '',
        '3 randomized runs (seeds 100…102): 3 tests, 1 flaky, 1 broken; flake rate 11.11 % (1/9 executions); ' +
          'runs with a failure: 3/3',
        '',
        '## Flaky tests (1)',
        '',
        '| test | passed | failed | fail rate | first failure | reproduce |',
        '|---|--:|--:|--:|---|---|',
        '| `a.test.ts › order \\| pipe` | 2 | 1 | 33.33 % | order \\| pipe failed with seed 101 | ' +
          '`npx jest --randomize --seed=101 a.test.ts` |',
        '',
        '## Broken tests (1)',
        '',
        '| test | passed | failed | fail rate | first failure | reproduce |',
        '|---|--:|--:|--:|---|---|',
        '| `a.test.ts › broken` | 0 | 3 | 100.00 % | broken failed with seed 100 | ' +
          '`npx jest --randomize --seed=100 a.test.ts` |',
        '',
        'Flake rate: failed executions of flaky tests (tests that both passed and failed) ÷ all test executions ' +
          '(passed or failed, over all runs). Broken tests fail every run and are not counted as flakes. ' +
          'Jest arguments: `--selectProjects unit`.',
        '',
      ].join('\n'),
    );
  });

  it('lists files that failed to run', () => {
    const run = outcome(7, { t: 'passed' });
    const report = aggregateFlaky(
      [{ ...run, files: [...run.files, { file: 'b.test.ts', failure: "Cannot find module 'x'" }] }],
      { jestArgs: [], createdAt },
    );

    const text = renderFlakyMarkdown(report);

    expect(text).toContain('1 randomized runs (seeds 7): 1 tests, 0 flaky, 0 broken, 1 file(s) failed to run;');
    expect(text).toContain(
      "| `b.test.ts` | 1/1 | broken | Cannot find module 'x' | `npx jest --randomize --seed=7 b.test.ts` |",
    );
    expect(text).not.toContain('## Flaky tests');
  });

  it('says so when no test failed', () => {
    const report = aggregateFlaky([outcome(1, { t: 'passed' }), outcome(2, { t: 'passed' })], { jestArgs: [] });

    expect(renderFlakyMarkdown(report)).toContain('\nNo test failed in any run.\n');
    expect(summaryLine(report)).toBe(
      '2 randomized runs (seeds 1…2): 1 tests, 0 flaky, 0 broken; flake rate 0.00 % (0/2 executions); ' +
        'runs with a failure: 0/2',
    );
  });

  it('keeps backticks in a title from breaking the code span', () => {
    const report = aggregateFlaky([outcome(1, { 'uses `x`': 'failed' }), outcome(2, { 'uses `x`': 'passed' })], {
      jestArgs: [],
    });

    expect(renderFlakyMarkdown(report)).toContain("| `a.test.ts › uses 'x'` |");
  });
});
