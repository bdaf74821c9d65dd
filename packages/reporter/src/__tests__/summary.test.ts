import type { FileRecord, TestRecord } from '@jest-perf/core';
import { nextCommand } from '../summary/nextCommand';
import { CPU_OVER_WALL, renderSummary, SUMMARY_WIDTH, type SummaryInput } from '../summary/renderSummary';
import { shortenMiddle } from '../summary/shortenMiddle';
import { slowestFiles, slowestTests } from '../summary/slowest';
import { endOfRunOutput } from '../summary/summarySettings';

function test(id: string, durationMs: number, extra: Partial<TestRecord> = {}): TestRecord {
  const file = id.split(' › ')[0] as string;
  return {
    id,
    file,
    ancestorTitles: [],
    title: id,
    durationMs,
    setupMs: 0,
    status: 'passed',
    tags: [],
    retries: 0,
    worker: 1,
    ...extra,
  };
}

function file(path: string, runtimeMs: number, extra: Partial<FileRecord> = {}): FileRecord {
  return {
    path,
    runtimeMs,
    setupMs: null,
    loadEnvironmentMs: null,
    hookMs: 0,
    tags: [],
    worker: 1,
    execError: false,
    hooks: [],
    ...extra,
  };
}

const input = (over: Partial<SummaryInput> = {}): SummaryInput => ({
  tests: 412,
  slow: 3,
  slowTestMs: 1000,
  incompleteReasons: [],
  slowestTests: [],
  slowestFiles: [],
  runFile: '.jest-perf/runs/2026-11-24T11-07-35-123Z-4f2a.json',
  next: { command: 'npx jest-perf check', why: 'compare this run with the baseline' },
  ...over,
});

describe('shortenMiddle', () => {
  it('keeps text that fits, and cuts the middle of longer text to the width', () => {
    expect(shortenMiddle('a › b', 5)).toBe('a › b');
    expect(shortenMiddle('src/loader.test.ts › loads every dataset', 20)).toBe('src/loa…very dataset');
    expect(shortenMiddle('src/loader.test.ts › loads every dataset', 20)).toHaveLength(20);
  });

  it('counts characters, not UTF-16 units, and survives a width of 0 or 1', () => {
    expect(Array.from(shortenMiddle('🐢🐢🐢🐢🐢🐢', 4))).toHaveLength(4);
    expect(shortenMiddle('abcdef', 1)).toBe('…');
    expect(shortenMiddle('abcdef', 0)).toBe('');
  });
});

describe('slowestTests and slowestFiles', () => {
  it('lists the slowest tests that ran, with their CPU share where recorded', () => {
    const tests = [
      test('a.test.ts › quick', 5, { cpuMs: 5 }),
      test('a.test.ts › waits', 900, { cpuMs: 90 }),
      test('b.test.ts › skipped', 0, { status: 'skipped' }),
      test('b.test.ts › fails', 300, { status: 'failed' }),
    ];

    expect(slowestTests({ tests }, 2)).toEqual([
      { id: 'a.test.ts › waits', durationMs: 900, cpuShare: 0.1 },
      { id: 'b.test.ts › fails', durationMs: 300, cpuShare: null },
    ]);
  });

  it('splits each file into hooks, start-up and CPU, and leaves out files that failed to run', () => {
    const tests = [test('a.test.ts › one', 300), test('a.test.ts › two', 100)];
    const files = [
      file('a.test.ts', 1000, {
        hookMs: 250,
        cpuMs: 400,
        hooks: [
          { type: 'beforeAll', describePath: [], calls: 1, totalMs: 200, maxMs: 200 },
          { type: 'beforeEach', describePath: [], calls: 2, totalMs: 50, maxMs: 30 },
        ],
      }),
      file('broken.test.ts', 5000, { execError: true }),
      file('b.test.ts', 0),
    ];

    expect(slowestFiles({ tests, files }, 5)).toEqual([
      // start-up: 1000 − 400 (tests, beforeEach inside) − 200 (beforeAll)
      { path: 'a.test.ts', runtimeMs: 1000, hookShare: 0.25, startupShare: 0.4, cpuShare: 0.4 },
      { path: 'b.test.ts', runtimeMs: 0, hookShare: 0, startupShare: 0, cpuShare: null },
    ]);
  });
});

describe('nextCommand', () => {
  const base = { sideRunFile: null, hasBaseline: false, storedRuns: 5, failed: 0, incomplete: false };

  it('checks against the baseline when there is one', () => {
    expect(nextCommand({ ...base, hasBaseline: true }).command).toBe('npx jest-perf check');
  });

  it('builds a baseline from the history once there are enough passing runs', () => {
    expect(nextCommand(base).command).toBe('npx jest-perf baseline --from-history 5');
    expect(nextCommand({ ...base, storedRuns: 40 }).command).toBe('npx jest-perf baseline --from-history 5');
  });

  it('points at the report, saying how many runs a baseline still needs, before that', () => {
    expect(nextCommand({ ...base, storedRuns: 2 })).toEqual({
      command: 'npx jest-perf report',
      why: 'where the time goes; a baseline after 3 more run(s)',
    });
    expect(nextCommand({ ...base, failed: 1 }).why).toContain('complete, passing runs');
    expect(nextCommand({ ...base, incomplete: true }).why).toContain('complete, passing runs');
  });

  it('reports a side run by its file', () => {
    expect(nextCommand({ ...base, hasBaseline: true, sideRunFile: 'side.json' }).command).toBe(
      'npx jest-perf report --run side.json',
    );
  });
});

describe('renderSummary', () => {
  it('prints the counts, the tables, the run file and the next command', () => {
    const text = renderSummary(
      input({
        slowestTests: [
          { id: 'src/loader.test.ts › loads every dataset', durationMs: 1520, cpuShare: 0.12 },
          { id: 'src/parse.test.ts › parses', durationMs: 800, cpuShare: 0.95 },
        ],
        slowestFiles: [
          { path: 'src/loader.test.ts', runtimeMs: 4100, hookShare: 0.31, startupShare: 0.22, cpuShare: 0.4 },
        ],
      }),
    );

    expect(text).toBe(
      [
        'jest-perf: 412 tests tracked, 3 slow (over 1.00 s)',
        '',
        '  slowest tests                               time  cpu  wait',
        '  src/loader.test.ts › loads every dataset  1.52 s  12%   88%',
        '  src/parse.test.ts › parses                800 ms  95%    5%',
        '',
        '  slowest files         time  hooks  start-up  cpu  wait',
        '  src/loader.test.ts  4.10 s    31%       22%  40%   60%',
        '  start-up: time outside tests and hooks (imports, setup); wait: off the CPU',
        '',
        '  run file .jest-perf/runs/2026-11-24T11-07-35-123Z-4f2a.json',
        '  next     npx jest-perf check',
        '           compare this run with the baseline',
        '',
      ].join('\n'),
    );
  });

  it('says why a cpu share passes 100 %, only when one does', () => {
    const over = renderSummary(
      input({ slowestTests: [{ id: 'a.test.ts › gc heavy', durationMs: 900, cpuShare: 1.07 }] }),
    );
    const under = renderSummary(input({ slowestTests: [{ id: 'a.test.ts › plain', durationMs: 900, cpuShare: 0.9 }] }));

    expect(over).toContain('107%');
    expect(over.split('\n')).toContain(`  ${CPU_OVER_WALL}`);
    expect(under).not.toContain(CPU_OVER_WALL);
  });

  it('shortens long test ids in the middle so every line fits 80 columns', () => {
    const id = `src/features/very/deep/folder/structure/loader.test.ts › dataset loader › ${'x'.repeat(60)} the end`;
    const text = renderSummary(input({ slowestTests: [{ id, durationMs: 123_456, cpuShare: 1.3 }] }));

    const row = text.split('\n').find((line) => line.includes('the end')) as string;
    expect(row).toHaveLength(SUMMARY_WIDTH);
    expect(row).toMatch(/^ {2}src\/features\/very\/d.*….*x the end {2}123\.46 s {2}130% {4}0%$/);
    for (const line of text.split('\n')) expect(Array.from(line).length).toBeLessThanOrEqual(SUMMARY_WIDTH);
  });

  it('leaves out the CPU columns when no row has its CPU time, and marks the rows that miss it', () => {
    const none = renderSummary(input({ slowestTests: [{ id: 'a › b', durationMs: 10, cpuShare: null }] }));
    expect(none).not.toContain('cpu');

    const some = renderSummary(
      input({
        slowestTests: [
          { id: 'a › b', durationMs: 10, cpuShare: null },
          { id: 'a › c', durationMs: 5, cpuShare: 0.5 },
        ],
      }),
    );
    expect(some).toContain('  a › b          10 ms    -     -\n');
  });

  it('says why a run is incomplete, and moves a long next command to its own line', () => {
    const text = renderSummary(
      input({
        incompleteReasons: ['tests/x.test.ts: Call retries were exceeded'],
        next: { command: `npx jest-perf report --run ${'deep/'.repeat(14)}side.json`, why: 'the full report' },
      }),
    );

    expect(text).toContain(
      '3 slow (over 1.00 s) (incomplete: 1 problem(s))\n  tests/x.test.ts: Call retries were exceeded\n',
    );
    expect(text).toContain(`  next\n    npx jest-perf report --run ${'deep/'.repeat(14)}side.json\n`);
  });
});

describe('endOfRunOutput', () => {
  it('prints the summary of 5 rows by default, or top rows', () => {
    expect(endOfRunOutput({}, {})).toEqual({ kind: 'summary', top: 5 });
    expect(endOfRunOutput({ top: 10 }, {})).toEqual({ kind: 'summary', top: 10 });
  });

  it('keeps only the one line with summary: false or JEST_PERF_SUMMARY=0, the variable overriding the option', () => {
    expect(endOfRunOutput({ summary: false }, {})).toEqual({ kind: 'line' });
    expect(endOfRunOutput({}, { JEST_PERF_SUMMARY: 'off' })).toEqual({ kind: 'line' });
    expect(endOfRunOutput({ summary: false }, { JEST_PERF_SUMMARY: '1' })).toEqual({ kind: 'summary', top: 5 });
  });

  it('prints nothing with silent: true or JEST_PERF_SILENT=1', () => {
    expect(endOfRunOutput({ silent: true }, {})).toEqual({ kind: 'nothing' });
    expect(endOfRunOutput({}, { JEST_PERF_SILENT: 'true' })).toEqual({ kind: 'nothing' });
    expect(endOfRunOutput({ silent: true }, { JEST_PERF_SILENT: '0' })).toEqual({ kind: 'summary', top: 5 });
  });

  it('names a variable that is not a switch', () => {
    expect(() => endOfRunOutput({}, { JEST_PERF_SILENT: 'maybe' })).toThrow(
      new TypeError('JEST_PERF_SILENT="maybe" is not a switch: use 1 or 0 (or unset it)'),
    );
  });
});
