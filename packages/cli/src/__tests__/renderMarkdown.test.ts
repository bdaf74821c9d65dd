import { buildBaseline, compareRun } from '@jest-perf/regression';
import { buildReport } from '../report/buildReport';
import { markdownTable } from '../report/markdownTable';
import { renderMarkdown } from '../report/renderMarkdown';
import { makeRun, makeTest } from './helpers/runs';
import { squeezed } from './helpers/tables';

const CONFIG = { thresholds: { test: 0.2, suite: 0.15, minAbsoluteMs: 25 }, slowTestMs: 30_000 };

describe('renderMarkdown', () => {
  it('shows the shard, branch, incomplete reasons, and the empty states', () => {
    const run = makeRun({
      runId: 'r7',
      tests: [],
      shard: { index: 2, count: 4 },
      incompleteReasons: ['worker 3 was killed'],
    });

    const text = renderMarkdown(buildReport({ run, comparison: null, trends: null }));

    expect(squeezed(text)).toContain('| run | r7 (shard 2/4) |');
    expect(squeezed(text)).toContain('| commit | abcdef1234 (main) |');
    expect(squeezed(text)).toContain('| incomplete | worker 3 was killed |');
    expect(text).toContain('## Slowest tests\n\n_No tests ran._');
    expect(text).toContain('_No hooks recorded');
    expect(text).toContain('## Trends\n\n_No history yet: it grows with every tracked run._');
    expect(text).toContain('## Uncategorised slow tests\n\nNone.');
    expect(text).not.toContain('## Helper counters');
    expect(text.endsWith('\n')).toBe(true);
  });

  it('says the commit is unknown without git', () => {
    const run = makeRun({ tests: [], commit: null });

    expect(squeezed(renderMarkdown(buildReport({ run, comparison: null, trends: null })))).toContain(
      '| commit | unknown |',
    );
  });

  it('says the suite looks healthy when there is nothing to recommend', () => {
    const run = makeRun({ tests: [makeTest({ title: 'a', durationMs: 100 })] });
    const comparison = compareRun(buildBaseline([run], CONFIG), run);

    const text = renderMarkdown(buildReport({ run, comparison, trends: { tests: [], analysed: 1 } }));

    expect(text).toContain('**OK** — tests: 0 regressed, 0 improved, 1 unchanged');
    expect(text).toContain('No significant change points in 1 test histories.');
    expect(text).toContain('## Recommendations\n\nNone: the suite looks healthy.');
  });

  it('says how much slower the machine was when the comparison scaled the baseline by it', () => {
    const tests = (ms: number) =>
      Array.from({ length: 30 }, (_, i) => makeTest({ file: `s${i}/a.test.ts`, title: `t${i}`, durationMs: ms }));
    const after = makeRun({ tests: tests(110) });
    const comparison = compareRun(buildBaseline([makeRun({ tests: tests(100) })], CONFIG), after);

    const text = renderMarkdown(buildReport({ run: after, comparison, trends: null }));

    expect(text).toContain(
      '- machine: this run was 10.0 % slower than the baseline across 30 tests; each test is compared with its baseline × 1.100',
    );
  });

  it('lists at most 50 verdicts, regressions first, and points at JSON for the rest', () => {
    const tests = (ms: number) =>
      Array.from({ length: 60 }, (_, i) => makeTest({ file: `s${i}/a.test.ts`, title: `t${i}`, durationMs: ms }));
    const before = makeRun({ tests: tests(100) });
    const after = makeRun({
      tests: [...tests(400).slice(0, 30), makeTest({ file: 'n/a.test.ts', title: 'n', durationMs: 1 })],
    });
    const comparison = compareRun(buildBaseline([before], CONFIG), after);

    const text = renderMarkdown(buildReport({ run: after, comparison, trends: null }));

    const verdicts = text.split('\n').filter((line) => line.startsWith('- **'));
    expect(verdicts).toHaveLength(50);
    expect(verdicts[0]).toMatch(/^- \*\*regressed\*\* /);
    expect(text).toContain('- … and 72 more (see --format json)');
  });
});

describe('markdownTable', () => {
  it('escapes pipes and folds newlines so a title cannot break the table', () => {
    expect(markdownTable(['a', 'b'], [['x | y', 'line\nbreak']])).toBe(
      '| a      | b          |\n| ------ | ---------- |\n| x \\| y | line break |',
    );
  });
});
