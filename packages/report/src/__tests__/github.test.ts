import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { RunFile } from '@jest-perf/core';
import { compareRun } from '@jest-perf/regression';
import { appendStepSummary, githubAnnotations } from '../github';
import { baselineOf, tracked } from './helpers/gateRuns';
import { makeRun, makeTest } from './helpers/runs';

function run(runId: string, file: string, title: string, durationMs: number, line?: number): RunFile {
  return makeRun({
    runId,
    tests: [
      makeTest({ file, title, durationMs, ...(line ? { line } : {}) }),
      makeTest({ file: 'src/ok.test.ts', title: 'fine', durationMs: 100, line: 1 }),
    ],
  });
}

/**
 * Annotations for a test that went from 1 s (baseline runs of 990, 1000 and 1010 ms) to `afterMs` in each of
 * two runs (`check --last 2`: wall time of a single run does not fail alone).
 */
function annotate(file: string, title: string, line?: number, afterMs = 2000): string[] {
  const baseline = baselineOf(run('before', file, title, 1000, line));
  const latest = tracked(run('after', file, title, afterMs, line));
  const previous = tracked(run('previous', file, title, afterMs, line));
  return githubAnnotations(compareRun(baseline, [previous, latest]), latest);
}

describe('githubAnnotations', () => {
  it('annotates nothing for a slowdown seen in a single run (unconfirmed)', () => {
    const baseline = baselineOf(run('before', 'src/a.test.ts', 'loads', 1000, 7));
    const latest = tracked(run('after', 'src/a.test.ts', 'loads', 2000, 7));

    expect(githubAnnotations(compareRun(baseline, latest), latest)).toEqual([]);
  });

  it('emits one ::error per regressed test, at its line', () => {
    expect(annotate('src/a.test.ts', 'loads', 7)).toEqual([
      expect.stringMatching(
        /^::error file=src\/a\.test\.ts,line=7,title=Performance regression::src\/a\.test\.ts › loads: 1\.00 s → 2\.00 s \(\+1\.00 s, \+100\.0 %25; threshold 20 %25, noise ±\d+ ms\)$/,
      ),
    ]);
  });

  it('annotates nothing for a change under the minimum impact (+60 ms, +6 %)', () => {
    expect(annotate('src/a.test.ts', 'loads', 7, 1060)).toEqual([]);
  });

  it('leaves the line out when Jest did not report it', () => {
    expect(annotate('src/a.test.ts', 'loads')[0]).toMatch(
      /^::error file=src\/a\.test\.ts,title=Performance regression::/,
    );
  });

  it('escapes %, CR and LF in the message so a title cannot end the command', () => {
    const [annotation] = annotate('src/a.test.ts', '100% of\nrows\r', 3);

    expect(annotation).toContain('::src/a.test.ts › 100%25 of%0Arows%0D: 1.00 s');
    expect(annotation).not.toMatch(/[\r\n]/);
  });

  it('escapes commas and colons in the file so they cannot split its properties', () => {
    const [annotation] = annotate('src/a,b:c%.test.ts', 'loads', 3);

    expect(annotation?.startsWith('::error file=src/a%2Cb%3Ac%25.test.ts,line=3,title=Performance regression::')).toBe(
      true,
    );
  });
});

describe('appendStepSummary', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-cli-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('appends to the GITHUB_STEP_SUMMARY file', () => {
    const file = path.join(dir, 'summary.md');
    fs.writeFileSync(file, 'before\n');

    expect(appendStepSummary({ GITHUB_STEP_SUMMARY: file }, '# report')).toBe(true);
    expect(appendStepSummary({ GITHUB_STEP_SUMMARY: file }, '# again')).toBe(true);
    expect(fs.readFileSync(file, 'utf8')).toBe('before\n# report\n# again\n');
  });

  it('does nothing outside GitHub Actions', () => {
    expect(appendStepSummary({}, '# report')).toBe(false);
  });
});
