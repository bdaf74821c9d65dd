import * as fs from 'node:fs';
import * as path from 'node:path';
import type { JestPerfError, RunFile } from '@jest-perf/core';
import { makeRun, makeTest } from '../../../report/src/__tests__/helpers/runs';
import { categorizeCommand } from '../commands/categorize';
import { cli, createProject, type TempProject } from './helpers/project';

let project: TempProject;
beforeEach(() => {
  project = createProject();
});
afterEach(() => project.remove());

const FILE = 'src/report.test.ts';
const SOURCE = [
  "import { kind, titleFor } from './fixtures';",
  '',
  "describe('group', () => {",
  "  it('loads everything', async () => {",
  '    await load();',
  '  });',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template literal is the input
  '  it(`builds ${kind} report`, () => {});',
  "  it(titleFor('x'), () => {});",
  '});',
  "describe('other', () => {",
  "  it('loads everything', () => {});",
  "  it('quick', () => {});",
  '});',
  '',
].join('\n');

/** Slow tests of every kind `--apply` meets: taggable, template literal, computed, no line, already tagged. */
function slowRun(): RunFile {
  const test = (ancestor: string, title: string, durationMs: number, line?: number, tags: string[] = []) =>
    makeTest({ file: FILE, ancestorTitles: [ancestor], title, durationMs, tags, ...(line ? { line } : {}) });
  return makeRun({
    tests: [
      test('group', 'loads everything', 1_000, 4),
      test('group', 'builds pdf report', 35_000, 7),
      test('group', 'x title', 32_000, 8),
      test('other', 'loads everything', 40_000, 11),
      test('other', 'quick', 50, 12),
      test('other', 'located nowhere', 31_000),
      test('other', 'already tagged', 60_000, 12, ['slow']),
    ],
  });
}

describe('categorize parse', () => {
  it('reads --threshold in seconds and --apply', () => {
    expect(categorizeCommand.parse({ root: '/p', threshold: 0.5, apply: true })).toEqual({
      root: '/p',
      run: undefined,
      thresholdMs: 500,
      apply: true,
    });
  });

  it('refuses a threshold that is not positive', () => {
    expect(() => categorizeCommand.parse({ root: '/p', threshold: -1 })).toThrow(
      expect.objectContaining({ code: 'JEST_PERF_USAGE' }) as JestPerfError,
    );
  });
});

describe('jest-perf categorize', () => {
  it('lists slow tests without the slow tag, slowest first, and changes nothing', async () => {
    project.save(slowRun());
    project.write(FILE, SOURCE);

    const result = await cli(['categorize'], project.root);

    expect(result.code).toBe(0);
    expect(result.out.split('\n')).toEqual([
      '4 test(s) over 30.00 s without a `slow` tag:',
      '    40.00 s  src/report.test.ts › other › loads everything',
      '    35.00 s  src/report.test.ts › group › builds pdf report',
      '    32.00 s  src/report.test.ts › group › x title',
      '    31.00 s  src/report.test.ts › other › located nowhere',
      'Tag them with a trailing " @slow" in the title, or run: npx jest-perf categorize --apply',
    ]);
    expect(project.read(FILE)).toBe(SOURCE);
  });

  it('says so when every slow test is tagged', async () => {
    project.save(slowRun());

    const result = await cli(['categorize', '--threshold', '100'], project.root);

    expect(result.out).toBe('No uncategorised slow tests (threshold 100.00 s).');
  });

  it('uses --threshold (seconds) instead of the config', async () => {
    project.save(slowRun());

    const result = await cli(['categorize', '--threshold', '0.5'], project.root);

    expect(result.out).toContain('5 test(s) over 500 ms');
    expect(result.out).toContain('1.00 s  src/report.test.ts › group › loads everything');
  });

  it('--apply tags the title on the recorded line only and explains every skip', async () => {
    project.save(slowRun());
    project.write(FILE, SOURCE);

    const result = await cli(['categorize', '--apply'], project.root);

    expect(result.code).toBe(0);
    expect(result.out).toContain(
      [
        `tagged  ${FILE}:11`,
        "  - it('loads everything', () => {});",
        "  + it('loads everything @slow', () => {});",
      ].join('\n'),
    );
    expect(result.out).toContain(`skipped ${FILE}:7 "builds pdf report": title is not a plain literal on its line`);
    expect(result.out).toContain(`skipped ${FILE}:8 "x title": title is not a plain literal on its line`);
    expect(result.out).toContain(
      `skipped ${FILE} "located nowhere": no line recorded, and no line holds the title as a plain literal`,
    );
    const lines = project.read(FILE).split('\n');
    expect(lines[3]).toBe("  it('loads everything', async () => {");
    expect(lines[10]).toBe("  it('loads everything @slow', () => {});");
    expect(project.read(FILE)).toBe(
      SOURCE.replace("  it('loads everything', () => {});", "  it('loads everything @slow', () => {});"),
    );
  });

  it('reads the run given with --run', async () => {
    project.write('run.json', JSON.stringify(makeRun({ tests: [makeTest({ title: 'big', durationMs: 90_000 })] })));

    const result = await cli(['categorize', '--run', 'run.json'], project.root);

    expect(result.out).toContain('1 test(s) over 30.00 s');
  });
});

describe('jest-perf categorize --apply with test files that leave the project', () => {
  const VICTIM = "it('slow outside', () => {});\n";

  it.each([
    ['a ../ path', (outside: string, root: string) => path.relative(root, outside)],
    ['an absolute path', (outside: string) => outside],
  ])('refuses %s from a --run file (exit 2) and rewrites nothing', async (_what, fileOf) => {
    const outside = path.join(path.dirname(project.root), `${path.basename(project.root)}-victim.test.ts`);
    fs.writeFileSync(outside, VICTIM);
    try {
      project.write(FILE, SOURCE);
      const run = makeRun({
        tests: [
          makeTest({ file: FILE, ancestorTitles: ['group'], title: 'builds pdf report', durationMs: 35_000, line: 7 }),
          makeTest({ file: fileOf(outside, project.root), title: 'slow outside', durationMs: 40_000, line: 1 }),
        ],
      });
      const runFile = project.write('shards/merged.json', JSON.stringify(run));

      const result = await cli(['categorize', '--apply', '--run', runFile], project.root);

      expect(result.code).toBe(2);
      expect(result.err).toContain('Refusing the test file');
      expect(result.err).toContain('merged.json');
      expect(fs.readFileSync(outside, 'utf8')).toBe(VICTIM);
      expect(project.read(FILE)).toBe(SOURCE); // checked before any edit: nothing half-applied
    } finally {
      fs.rmSync(outside, { force: true });
    }
  });
});
