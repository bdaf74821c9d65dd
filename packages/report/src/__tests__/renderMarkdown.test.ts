import { buildBaseline, compareRun } from '@jest-perf/regression';
import { buildReport } from '../buildReport';
import { markdownTable } from '../markdownTable';
import { renderMarkdown } from '../renderMarkdown';
import { baselineOf, GATE_CONFIG, tracked } from './helpers/gateRuns';
import { makeRun, makeTest } from './helpers/runs';
import { squeezed } from './helpers/tables';

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
    const run = tracked(makeRun({ tests: [makeTest({ title: 'a', durationMs: 100 })] }));
    const comparison = compareRun(baselineOf(run), run);

    const text = renderMarkdown(buildReport({ run, comparison, trends: { tests: [], analysed: 1 } }));

    expect(text).toContain(
      '**OK** — tests: 0 regressed, 0 unconfirmed, 0 minor, 0 improved, 1 unchanged, 0 new, 0 missing.\n\n- slow tests',
    );
    expect(text).toContain('No significant change points in 1 test histories.');
    expect(text).toContain('## Recommendations\n\nNone: the suite looks healthy.');
  });

  it('says how much slower the machine was when the comparison scaled the baseline by it', () => {
    const tests = (ms: number) =>
      Array.from({ length: 30 }, (_, i) => makeTest({ file: `s${i}/a.test.ts`, title: `t${i}`, durationMs: ms }));
    const after = makeRun({ tests: tests(110) });
    const comparison = compareRun(buildBaseline([makeRun({ tests: tests(100) })], GATE_CONFIG), after);

    const text = renderMarkdown(buildReport({ run: after, comparison, trends: null }));

    expect(text).toContain(
      '- machine: this run was 10.0 % slower than the baseline across 30 tests; each test is compared with its baseline × 1.100',
    );
  });

  it('lists at most 50 verdicts, regressions first, and points at JSON for the rest', () => {
    const tests = (ms: number) =>
      Array.from({ length: 60 }, (_, i) => makeTest({ file: `s${i}/a.test.ts`, title: `t${i}`, durationMs: ms }));
    const before = makeRun({ tests: tests(1000) });
    const after = tracked(
      makeRun({
        tests: [...tests(2000).slice(0, 30), makeTest({ file: 'n/a.test.ts', title: 'n', durationMs: 1 })],
      }),
    );
    // Two runs as slow (`check --last 2`): wall time of a single run does not fail alone.
    const comparison = compareRun(baselineOf(before), [after, after], { normalizeSpeed: false });

    const text = renderMarkdown(buildReport({ run: after, comparison, trends: null }));

    // 30 tests regressed (their files are named by them), 1 test and 1 file (with its start-up) new, 30 tests
    // and 30 files (with their start-up) missing: 123 verdicts worth a look, regressions first.
    const verdicts = text.split('\n').filter((line) => line.startsWith('- **'));
    expect(verdicts).toHaveLength(50);
    expect(verdicts.map((line) => /^- \*\*(\w+)\*\*/.exec(line)?.[1])).toEqual([
      ...Array(30).fill('regressed'),
      ...Array(3).fill('new'),
      ...Array(17).fill('missing'),
    ]);
    expect(text).toContain('- … and 73 more (see --format json)');
  });
});

describe('markdownTable', () => {
  it('escapes pipes and folds newlines so a title cannot break the table', () => {
    expect(markdownTable(['a', 'b'], [['x | y', 'line\nbreak']])).toBe(
      '| a      | b          |\n| ------ | ---------- |\n| x \\| y | line break |',
    );
  });
});
