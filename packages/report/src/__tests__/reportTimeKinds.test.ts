import type { RunFile } from '@jest-perf/core';
import { buildReport } from '../buildReport';
import { renderHtmlReport } from '../html/renderHtml';
import { renderMarkdown } from '../renderMarkdown';
import { makeFile, makeRun, makeTest } from './helpers/runs';
import { squeezed } from './helpers/tables';

const measured = makeRun({
  tests: [
    makeTest({ file: 'src/net.test.ts', title: 'polls', durationMs: 10_000, cpuMs: 200 }),
    makeTest({ file: 'src/calc.test.ts', title: 'sums', durationMs: 2_000, cpuMs: 1_900 }),
    makeTest({ file: 'src/calc.test.ts', title: 'unmeasured', durationMs: 50 }),
  ],
  files: [
    makeFile({ path: 'src/net.test.ts', runtimeMs: 10_100, setupMs: 20 }),
    makeFile({ path: 'src/calc.test.ts', runtimeMs: 31_050, setupMs: 20 }),
  ],
});
const unmeasured = makeRun({ tests: [makeTest({ title: 'a', durationMs: 500 })] });

const report = (run: RunFile) => buildReport({ run, comparison: null, trends: null });
const html = (run: RunFile) =>
  renderHtmlReport({ report: report(run), run, history: null, trends: null, flaky: null, generatedAt: 'now' });

describe('report: CPU or wait, and file start-up', () => {
  it('gives each slowest test its CPU time and kind in the model (what --format json prints)', () => {
    const slowest = report(measured).slowest;

    expect(slowest.map((t) => [t.id, t.cpuMs, t.time?.kind ?? null])).toEqual([
      ['src/net.test.ts › polls', 200, 'waits'],
      ['src/calc.test.ts › sums', 1_900, 'computes'],
      ['src/calc.test.ts › unmeasured', null, null],
    ]);
    expect(JSON.parse(JSON.stringify(report(measured))).startup.files[0]).toMatchObject({
      file: 'src/calc.test.ts',
      startupMs: 29_000,
    });
  });

  it('adds a "CPU or wait" column to the markdown, blank for a test whose CPU time was not measured', () => {
    const text = squeezed(renderMarkdown(report(measured)));

    expect(text).toContain('| test | duration | hooks | tags | CPU or wait |');
    expect(text).toContain(
      '| src/net.test.ts › polls | 10.00 s | 0 ms | | waits 9.80 s of 10.00 s: mock or fake the wait (timers, network, child processes) |',
    );
    expect(text).toContain("computes 1.90 s of 2.00 s: cache the work or widen the fixture's scope |");
    expect(text).toContain('| src/calc.test.ts › unmeasured | 50 ms | 0 ms | | |');
  });

  it('shows no CPU column, and no kind in the HTML, when no CPU time was measured', () => {
    expect(renderMarkdown(report(unmeasured))).not.toContain('CPU or wait');
    expect(html(unmeasured)).not.toContain('class="time-kinds"');
  });

  it('lists the files with the most start-up in markdown, with their share of the file and advice', () => {
    const text = squeezed(renderMarkdown(report(measured)));

    expect(text).toContain('## File start-up\n\nTime in each file outside its tests and hooks');
    expect(text).toContain('29.10 s in all (70.7 % of 41.15 s).');
    expect(text).toMatch(
      /\| src\/calc\.test\.ts \| 29\.00 s \| 93\.4 % of 31\.05 s \| transform and module loading: .*isolatedModules/,
    );
    expect(text.indexOf('src/calc.test.ts | 29.00 s')).toBeLessThan(text.indexOf('src/net.test.ts | 100 ms'));
  });

  it('recommends cutting start-up when it is most of the files’ runtime', () => {
    expect(report(measured).recommendations).toContainEqual(
      expect.stringMatching(/^Files spend 29\.10 s of 41\.15 s starting up.*src\/calc\.test\.ts \(29\.00 s\)/),
    );
    expect(report(unmeasured).recommendations.join('\n')).not.toContain('starting up');
  });

  it('says so when no file spent time outside its tests', () => {
    const none = makeRun({ tests: [makeTest({ title: 'a', durationMs: 1_000 })] });

    expect(renderMarkdown(report(none))).toContain(
      '## File start-up\n\nNo file spent time outside its tests and hooks.',
    );
    expect(html(none)).toContain('No file spent time outside its tests and hooks.');
  });

  it('shows the kind under the HTML chart and the start-up table, escaped', () => {
    const page = html(measured);

    expect(page).toContain('<li class="time-kind waits" data-test-id="src/net.test.ts › polls">');
    expect(page).toContain('waits 9.80 s of 10.00 s: mock or fake the wait');
    expect(page).toContain('<a href="#startup">Start-up</a>');
    expect(page).toMatch(
      /<table id="startup-table"[\s\S]*<td>src\/<wbr>calc\.test\.ts<\/td><td class="num">29\.00 s<\/td>/,
    );
    expect(page).toContain('(with ts-jest, `isolatedModules: true`)');
  });
});
