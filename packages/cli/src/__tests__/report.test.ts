import * as fs from 'node:fs';
import * as path from 'node:path';
import { type FlakyReport, type JestPerfError, loadConfig, type RunFile, writeFlakyReport } from '@jest-perf/core';
import { buildBaseline, writeBaseline } from '@jest-perf/regression';
import type { Report } from '@jest-perf/report';
import { SECTION_END, SECTION_START } from '@jest-perf/report';
import { tracked } from '../../../report/src/__tests__/helpers/gateRuns';
import { makeFile, makeHook, makeRun, makeTest, runOf } from '../../../report/src/__tests__/helpers/runs';
import { squeezed } from '../../../report/src/__tests__/helpers/tables';
import type { RawArgs } from '../command';
import { DEFAULT_DOCS, loadReportData, reportCommand, reportFor } from '../commands/report';
import { cli, createProject, type TempProject } from './helpers/project';

let project: TempProject;
beforeEach(() => {
  project = createProject();
});
afterEach(() => project.remove());

const DEFAULTS: RawArgs = { root: '/p', format: 'markdown', top: 10, 'compare-baseline': false };

function parseError(args: RawArgs): string {
  try {
    reportCommand.parse({ ...DEFAULTS, ...args });
  } catch (error) {
    return (error as JestPerfError).message;
  }
  throw new Error('expected a usage error');
}

/** Two tests at 100 ms and one of 45 s, with a slow beforeEach in one file and a counter. */
function sampleRun(overrides: Partial<Record<'fast' | 'medium' | 'huge', number>> = {}, runId = 'r000'): RunFile {
  return makeRun({
    runId,
    tests: [
      makeTest({ title: 'fast', durationMs: overrides.fast ?? 100, line: 3 }),
      makeTest({ title: 'medium', durationMs: overrides.medium ?? 400, line: 4 }),
      makeTest({ file: 'src/b.test.ts', title: 'huge', durationMs: overrides.huge ?? 45_000, setupMs: 30_000 }),
    ],
    files: [
      makeFile({ path: 'src/a.test.ts' }),
      makeFile({
        path: 'src/b.test.ts',
        hooks: [makeHook({ type: 'beforeEach', calls: 1, totalMs: 30_000, line: 7 })],
      }),
    ],
    counters: { fixtureCache: { hits: 3, misses: 1 } },
  });
}

describe('report parse', () => {
  it('fills in the defaults', () => {
    expect(reportCommand.parse(DEFAULTS)).toEqual({
      root: '/p',
      run: undefined,
      format: 'markdown',
      slowTestMs: undefined,
      compareBaseline: false,
      baseline: undefined,
      normalizeSpeed: true,
      updateDocs: undefined,
      out: undefined,
      top: 10,
    });
  });

  it('reads --baseline and --no-normalize-speed as check does', () => {
    expect(reportCommand.parse({ ...DEFAULTS, baseline: 'b.json', 'normalize-speed': false })).toMatchObject({
      baseline: 'b.json',
      normalizeSpeed: false,
    });
  });

  it('reads --threshold in seconds', () => {
    expect(reportCommand.parse({ ...DEFAULTS, threshold: 1.5 }).slowTestMs).toBe(1500);
  });

  it('uses the default docs file for a bare --update-docs, marked as not named', () => {
    expect(reportCommand.parse({ ...DEFAULTS, 'update-docs': '' }).updateDocs).toEqual({
      file: DEFAULT_DOCS,
      implicit: true,
    });
    expect(reportCommand.parse({ ...DEFAULTS, 'update-docs': 'PERF.md' }).updateDocs).toEqual({
      file: 'PERF.md',
      implicit: false,
    });
  });

  it('refuses --update-docs with --format json', () => {
    expect(parseError({ 'update-docs': '', format: 'json' })).toBe(
      '--update-docs writes markdown; it cannot be combined with --format json\n' +
        'Example: npx jest-perf report --update-docs docs/PERFORMANCE.md',
    );
  });

  it('accepts --format html and refuses it with --update-docs', () => {
    expect(reportCommand.parse({ ...DEFAULTS, format: 'html', out: 'r.html' })).toMatchObject({
      format: 'html',
      out: 'r.html',
    });
    expect(parseError({ 'update-docs': '', format: 'html' })).toContain(
      '--update-docs writes markdown; it cannot be combined with --format html',
    );
  });

  it.each([
    [{ threshold: 0 }, '--threshold must be a positive number (got 0)'],
    [{ threshold: Number.NaN }, '--threshold must be a positive number (got NaN)'],
    [{ top: 0 }, '--top must be a whole number of at least 1 (got 0)'],
    [{ format: 'xml' }, '--format must be one of markdown, json, html (got xml)'],
  ])('rejects %p', (args, message) => {
    expect(parseError(args)).toContain(message);
  });
});

describe('jest-perf report', () => {
  it('prints every markdown section for the latest run', async () => {
    project.save(sampleRun());

    const result = await cli(['report'], project.root);

    expect(result.code).toBe(0);
    const headings = result.out.split('\n').filter((line) => line.startsWith('#'));
    expect(headings).toEqual([
      '# jest-perf report',
      '## Summary',
      '## Slowest tests',
      '## File start-up',
      '## Hook / fixture time',
      '## Trends',
      '## Regressions',
      '## Uncategorised slow tests',
      '## Helper counters (fixture cache, LLM mock, datasets)',
      '## Recommendations',
    ]);
    expect(squeezed(result.out)).toContain('| tests | 3 (3 passed, 0 failed, 0 skipped) |');
    expect(squeezed(result.out)).toContain('| src/b.test.ts › huge | 45.00 s | 30.00 s | |');
    expect(squeezed(result.out)).toContain('| fixtureCache | hits | 3 |');
    expect(result.out).toContain(
      '_No baseline: once 5 runs are tracked, create one with `npx jest-perf baseline --from-history 5`._',
    );
    expect(result.out).toContain('No significant change points in 3 test histories.');
  });

  it('prints JSON that parses to the Report of the run', async () => {
    project.save(sampleRun());

    const result = await cli(['report', '--format', 'json'], project.root);

    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.out) as Report;
    const expected = reportFor(
      { root: project.root, run: undefined, slowTestMs: undefined, compareBaseline: false, top: 10 },
      { cwd: project.root, err: () => undefined },
    );
    expect(parsed).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(Object.keys(parsed).sort()).toEqual(
      [
        'summary',
        'slowest',
        'hooks',
        'startup',
        'trends',
        'regressions',
        'uncategorizedSlow',
        'counters',
        'recommendations',
      ].sort(),
    );
    expect(parsed.slowest.map((t) => t.id)).toEqual([
      'src/b.test.ts › huge',
      'src/a.test.ts › medium',
      'src/a.test.ts › fast',
    ]);
    expect(parsed.regressions).toBeNull();
    expect(parsed.summary).toMatchObject({ total: 3, slowCount: 1, slowTestMs: 30_000, commit: 'abcdef1234567890' });
  });

  it('fails with exit 2 and the baseline fix when --compare-baseline has no baseline', async () => {
    project.save(sampleRun());

    const result = await cli(['report', '--compare-baseline'], project.root);

    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).toContain('Baseline not found');
    expect(result.err).toContain('Fix: Create one from tracked runs: npx jest-perf baseline --from-history 5');
  });

  it('adds the regressions automatically when a baseline exists', async () => {
    // `medium` computes: its CPU time rose with its wall time, evidence that fails from one run.
    const computing = (run: RunFile): RunFile => ({
      ...run,
      tests: run.tests.map((t) => (t.title === 'medium' ? { ...t, cpuMs: t.durationMs } : t)),
    });
    const base = [990, 1000, 1010].map((medium, i) => tracked(computing(sampleRun({ medium }, `r00${i}`))));
    for (const run of base) project.save(run);
    project.baseline(base);
    project.save(tracked(computing(sampleRun({ medium: 2000 }, 'r003'))));

    const result = await cli(['report'], project.root);

    expect(result.code).toBe(0);
    expect(result.out).toContain(
      '**REGRESSED** — tests: 1 regressed, 0 unconfirmed, 0 minor, 0 improved, 2 unchanged, 0 new, 0 missing.\n',
    );
    expect(result.out).toMatch(
      /\n- \*\*regressed\*\* src\/a\.test\.ts › medium: CPU 1\.00 s → 2\.00 s \(\+1\.00 s, \+100\.0 %; threshold 20 %, noise ±\d+ ms, computes\)\n/,
    );
  });

  describe('judges the run as `jest-perf check` does, with the same flags', () => {
    // Two baselines: the configured one (medium at 1 s) and a testbed's own (medium at 600 ms). The latest run
    // is 10 % slower across the board and medium 25 %: within the threshold once the machine's speed is
    // taken out, a regression as measured (--no-normalize-speed) and against the testbed's baseline.
    const gateRun = (runId: string, scale: number, medium: number): RunFile =>
      tracked(
        makeRun({
          runId,
          tests: [
            ...Array.from({ length: 11 }, (_, i) => {
              const ms = (500 + 50 * i) * scale;
              return makeTest({ file: `src/f${i % 2}.test.ts`, title: `steady ${i}`, durationMs: ms, cpuMs: ms });
            }),
            makeTest({ title: 'medium', durationMs: medium, cpuMs: medium }),
          ],
        }),
      );
    const testsLine = (out: string) => /^tests: (.*)$/m.exec(out)?.[1];
    const bannerCounts = (out: string) => /— tests: (.*)\.\n/.exec(out)?.[1];

    beforeEach(() => {
      const base = [0.99, 1, 1.01].map((scale, i) => gateRun(`r00${i}`, scale, 1000 * scale));
      project.save(...base);
      project.baseline(base);
      const other = [0.99, 1, 1.01].map((scale, i) => gateRun(`t00${i}`, 1.1 * scale, 600 * scale));
      writeBaseline(path.join(project.root, 'baselines/testbed.json'), buildBaseline(other, loadConfig(project.root)));
      project.save(gateRun('r003', 1.1, 1250));
    });

    it.each([[[]], [['--baseline', 'baselines/testbed.json']], [['--no-normalize-speed']]])(
      'prints the counts check prints with %p',
      async (flags) => {
        const check = await cli(['check', ...flags], project.root);
        const report = await cli(['report', ...flags], project.root);
        expect(report.code).toBe(0);
        expect(testsLine(check.out)).toBeDefined();
        expect(bannerCounts(report.out)).toBe(testsLine(check.out));
      },
    );

    it('reads --baseline and --no-normalize-speed (they change the verdicts)', async () => {
      const counts = async (flags: string[]) => bannerCounts((await cli(['report', ...flags], project.root)).out);
      const configured = await counts([]);
      expect(configured).toMatch(/^\d+ regressed, /);
      for (const flags of [['--baseline', 'baselines/testbed.json'], ['--no-normalize-speed']]) {
        const judged = await counts(flags);
        expect(judged).toMatch(/^\d+ regressed, /);
        expect(judged).not.toBe(configured);
      }
    });
  });

  it('says under the counts why tests are judged through their files when the baseline has one run', async () => {
    project.save(sampleRun());
    project.baseline();
    project.save(sampleRun({ medium: 1200 }, 'r001'));

    const result = await cli(['report'], project.root);

    expect(result.out).toContain(
      '0 new, 0 missing, 3 unjudged.\n- The baseline does not say which machine it came from (built by an older jest-perf): rebuild it to record its testbed.\n- The baseline comes from 1 run(s): too few to judge single tests, so tests are judged through their files (build it from 3 or more runs).\n',
    );
  });

  it('writes the report to --out (relative to the working directory) instead of stdout', async () => {
    project.save(sampleRun());

    const result = await cli(['report', '--format', 'json', '--out', 'out/report.json'], project.root);

    expect(result.code).toBe(0);
    expect(result.out).toBe('Report written to out/report.json');
    expect((JSON.parse(project.read('out/report.json')) as Report).summary.total).toBe(3);
  });

  it('lists the tests over --threshold (seconds) as slow', async () => {
    project.save(sampleRun());

    const json = async (argv: string[]) => JSON.parse((await cli(argv, project.root)).out) as Report;
    const byDefault = await json(['report', '--format', 'json']);
    const lowered = await json(['report', '--format', 'json', '--threshold', '0.2']);

    expect(byDefault.uncategorizedSlow.map((t) => t.id)).toEqual(['src/b.test.ts › huge']);
    expect(lowered.uncategorizedSlow.map((t) => t.id)).toEqual(['src/b.test.ts › huge', 'src/a.test.ts › medium']);
    expect(lowered.summary).toMatchObject({ slowCount: 2, slowTestMs: 200 });
  });

  it('limits every list to --top rows', async () => {
    project.save(sampleRun());

    const report = JSON.parse((await cli(['report', '--format', 'json', '--top', '1'], project.root)).out) as Report;

    expect(report.slowest.map((t) => t.id)).toEqual(['src/b.test.ts › huge']);
  });

  it('reports the run file given with --run instead of the latest run', async () => {
    project.save(sampleRun());
    project.write('other.json', JSON.stringify(runOf({ only: 5 }, { runId: 'other' })));

    const report = JSON.parse((await cli(['report', '--format', 'json', '--run', 'other.json'], project.root)).out);

    expect((report as Report).summary.runId).toBe('other');
  });

  it('shows the change point of a test that got slower in the history', async () => {
    const runs = Array.from({ length: 40 }, (_, i) => {
      const jitter = [0, 3, -3, 1, -2][i % 5] as number;
      const steady = 200 + jitter;
      return runOf(
        { steady, stepped: (i < 25 ? 100 : 200) + jitter },
        { runId: `r${String(i).padStart(3, '0')}`, minute: i, commit: `${String(i).padStart(3, '0')}cafe99` },
      );
    });
    project.save(...runs);

    const result = await cli(['report'], project.root);
    const json = JSON.parse((await cli(['report', '--format', 'json'], project.root)).out) as Report;

    expect(json.trends?.analysed).toBe(2);
    expect(json.trends?.changes).toEqual([
      expect.objectContaining({ id: 'src/a.test.ts › stepped', runIndex: 25, runId: 'r025', direction: 'slower' }),
    ]);
    expect(result.out).toMatch(
      /- src\/a\.test\.ts › stepped: got slower at run r025 \(commit 025cafe\): 100 ms → 200 ms \(\+\d+\.\d %, p = /,
    );
  });
});

describe('jest-perf report --update-docs', () => {
  const DOC = `# Performance\n\nIntro written by hand.\n\n${SECTION_START}\nold report\n${SECTION_END}\n\n## Footer\n\nKept.\n`;

  it('rewrites only the marked section, with the report headings one level down', async () => {
    project.save(sampleRun());
    project.write(DEFAULT_DOCS, DOC);

    const result = await cli(['report', '--update-docs'], project.root);

    expect(result.code).toBe(0);
    expect(result.out).toBe(`Updated: ${DEFAULT_DOCS}`);
    const doc = project.read(DEFAULT_DOCS);
    expect(doc.startsWith(`# Performance\n\nIntro written by hand.\n\n${SECTION_START}\n### Summary\n`)).toBe(true);
    expect(doc.endsWith(`${SECTION_END}\n\n## Footer\n\nKept.\n`)).toBe(true);
    expect(doc).not.toContain('old report');
    expect(doc).not.toContain('# jest-perf report');
    expect(doc).toContain('### Recommendations');
  });

  it('refuses a bare --update-docs, with exit 2 and the call to make, when docs/PERFORMANCE.md has no section', async () => {
    project.save(sampleRun());

    const missing = await cli(['report', '--update-docs'], project.root);
    project.write(DEFAULT_DOCS, '# Our own performance notes\n');
    const unmarked = await cli(['report', '--update-docs'], project.root);

    expect(missing.code).toBe(2);
    expect(missing.err).toContain(`--update-docs needs the markdown file to update: there is no ${DEFAULT_DOCS}`);
    expect(missing.err).toContain(`Example: npx jest-perf report --update-docs ${DEFAULT_DOCS}`);
    expect(unmarked.code).toBe(2);
    expect(unmarked.err).toContain(`there is no jest-perf report section in ${DEFAULT_DOCS}`);
    expect(project.read(DEFAULT_DOCS)).toBe('# Our own performance notes\n');
  });

  it('creates docs/PERFORMANCE.md when named', async () => {
    project.save(sampleRun());

    const result = await cli(['report', '--update-docs', DEFAULT_DOCS], project.root);

    expect(result.code).toBe(0);
    expect(project.read(DEFAULT_DOCS).startsWith(`${SECTION_START}\n### Summary`)).toBe(true);
  });

  it('leaves the file byte-identical on a second run and says Unchanged', async () => {
    project.save(sampleRun());
    project.write('PERF.md', DOC);
    await cli(['report', '--update-docs', 'PERF.md'], project.root);
    const first = fs.readFileSync(path.join(project.root, 'PERF.md'));

    const result = await cli(['report', '--update-docs', 'PERF.md'], project.root);

    expect(result.code).toBe(0);
    expect(result.out).toBe('Unchanged: PERF.md');
    expect(fs.readFileSync(path.join(project.root, 'PERF.md')).equals(first)).toBe(true);
  });

  it('creates the file with a marked section when it does not exist', async () => {
    project.save(sampleRun());

    await cli(['report', '--update-docs', 'new/PERF.md'], project.root);

    const doc = project.read('new/PERF.md');
    expect(doc.startsWith(`${SECTION_START}\n### Summary`)).toBe(true);
    expect(doc.endsWith(`${SECTION_END}\n`)).toBe(true);
  });

  it('also writes --out when given both', async () => {
    project.save(sampleRun());

    const result = await cli(['report', '--update-docs', 'PERF.md', '--out', 'report.md'], project.root);

    expect(result.out.split('\n')).toEqual(['Updated: PERF.md', 'Report written to report.md']);
    expect(project.read('report.md').startsWith('# jest-perf report\n')).toBe(true);
  });

  it('refuses unbalanced markers with exit 2, naming the file, and leaves it alone', async () => {
    project.save(sampleRun());
    const broken = `# Performance\n\n${SECTION_START}\nno end marker\n`;
    const file = project.write('PERF.md', broken);

    const result = await cli(['report', '--update-docs', 'PERF.md'], project.root);

    expect(result.code).toBe(2);
    expect(result.err).toContain(`the jest-perf report markers are unbalanced (${file})`);
    expect(result.err).toContain('Fix: keep exactly one');
    expect(project.read('PERF.md')).toBe(broken);
  });
});

describe('jest-perf report --format html', () => {
  const flaky: FlakyReport = {
    schemaVersion: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    runs: 4,
    seeds: [1, 2, 3, 4],
    jestArgs: [],
    tests: [
      {
        id: 'src/a.test.ts › fast',
        file: 'src/a.test.ts',
        passed: 3,
        failed: 1,
        skipped: 0,
        failingSeeds: [3],
        status: 'flaky',
      },
    ],
    files: [],
    summary: {
      tests: 1,
      executions: 4,
      failedExecutions: 1,
      flakyExecutions: 1,
      flakyTests: 1,
      brokenTests: 0,
      flakeRate: 0.25,
      runsWithFailures: 1,
      filesFailedToRun: 0,
    },
  };

  it('writes one self-contained page to --out with the run, its trends and its regressions', async () => {
    const runs = Array.from({ length: 12 }, (_, i) => {
      const run = runOf(
        { steady: 200 + (i % 3), stepped: (i < 6 ? 100 : 200) + (i % 3) },
        { runId: `r${String(i).padStart(3, '0')}`, minute: i },
      );
      return { ...run, tests: run.tests.map((t) => ({ ...t, cpuMs: t.durationMs })) };
    });
    project.save(...runs.slice(0, 11));
    project.baseline(runs.slice(6, 11));
    // `steady` computes and its CPU time rose too: a regression from one run.
    const latest = runOf({ steady: 900, stepped: 201 }, { runId: 'r011', minute: 11 });
    project.save({ ...latest, tests: latest.tests.map((t) => ({ ...t, cpuMs: t.durationMs })) });

    const result = await cli(['report', '--format', 'html', '--out', 'out/report.html'], project.root);

    expect(result.code).toBe(0);
    expect(result.out).toBe('Report written to out/report.html');
    const html = project.read('out/report.html');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<figure class="trend" data-test-id="src/a.test.ts › stepped">');
    expect(html).toContain('<line class="change-point" data-run-index="6"');
    expect(html).toMatch(/<tr class="regressed" data-q="src\/a\.test\.ts › steady/);
    expect(html).toContain('No flaky report');
  });

  it('prints the page on stdout without --out', async () => {
    project.save(sampleRun());

    const result = await cli(['report', '--format', 'html'], project.root);

    expect(result.code).toBe(0);
    expect(result.out.startsWith('<!doctype html>')).toBe(true);
    expect(result.out).toContain('data-key="cache-hit-rate"><div class="value">75.0 %</div>');
    expect(result.err).toBe('');
  });

  it('shows the flake rates of .jest-perf/flaky.json', async () => {
    project.save(sampleRun());
    writeFlakyReport(project.paths.flaky, flaky);

    const result = await cli(['report', '--format', 'html'], project.root);

    expect(result.out).toContain('data-key="flake-rate"><div class="value">25.0 %</div>');
    expect(result.out).toContain('<td>src/<wbr>a.test.ts › fast</td><td class="num">1 / 4</td>');
  });

  it('leaves the flake rates out, saying why, when flaky.json is damaged', async () => {
    project.save(sampleRun());
    project.write('.jest-perf/flaky.json', '{"schemaVersion":1,"runs":"many"}');

    const result = await cli(['report', '--format', 'html', '--out', 'report.html'], project.root);

    expect(result.code).toBe(0);
    expect(result.err).toContain('jest-perf: left the flake rates out of the HTML report:');
    expect(result.err).toContain('Fix: run `npx jest-perf flaky` again');
    expect(project.read('report.html')).toContain('No flaky report');
  });

  it('hands the history and all trends to the page along with the report', () => {
    project.save(sampleRun(), sampleRun({}, 'r001'));

    const data = loadReportData(
      { root: project.root, run: undefined, slowTestMs: undefined, compareBaseline: false, top: 10 },
      { cwd: project.root, err: () => undefined },
    );

    expect(data.history.runs.map((r) => r.runId)).toEqual(['r000', 'r001']);
    expect(data.trends?.analysed).toBe(3);
    expect(data.run.runId).toBe('r001');
    expect(data.report.summary.runId).toBe('r001');
    expect(data.project.paths.flaky).toBe(project.paths.flaky);
  });
});
