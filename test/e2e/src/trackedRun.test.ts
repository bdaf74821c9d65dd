import * as fs from 'node:fs';
import { formatDuration, type RunFile, syncHistory } from '@jest-perf/core';
import {
  E2E_TIMEOUT_MS,
  expectExitCode,
  expectedStatus,
  JEST_VERSION,
  type JestRun,
  type JestTest,
  jestTests,
  lineOf,
  Project,
  relativeFile,
  removeProjects,
  testKey,
  testTitled,
} from './harness';

/** The delays in fixtures/suite/hooks.test.js, hookStyles.test.js and retry.test.js. */
const BEFORE_ALL_MS = 60;
const BEFORE_EACH_MS = 80;
const AFTER_EACH_MS = 40;
const CALLBACK_HOOK_MS = 50;
const GENERATOR_HOOK_MS = 50;
const FIRST_ATTEMPT_HOOK_MS = 200;
const LAST_ATTEMPT_HOOK_MS = 20;
const RANDOM_SEED = 5;

let project: Project;
let jestRun: JestRun;
let run: RunFile;
let reported: JestTest[];

beforeAll(async () => {
  project = new Project('suite');
  jestRun = await project.runJest();
  // One test fails on purpose.
  expectExitCode(jestRun, 1);
  run = project.latest();
  reported = jestTests(jestRun.json!, project.dir);
}, E2E_TIMEOUT_MS);

afterAll(removeProjects);

describe('a tracked run', () => {
  it('writes the run file and latest.json (not the history: the CLI derives it), and removes its temp files', () => {
    expect(project.runFiles()).toHaveLength(1);
    expect(project.runFiles()[0]).toMatch(new RegExp(`${run.runId}\\.json$`));
    expect(jestRun.stderr).toContain(`jest-perf: ${reported.length} tests tracked`);
    expect(run.incomplete).toBe(false);
    expect(run.jestVersion).toBe(JEST_VERSION);
    expect(fs.readFileSync(project.paths.latest, 'utf8')).toBe(fs.readFileSync(project.runFiles()[0]!, 'utf8'));
    expect(fs.existsSync(project.paths.history)).toBe(false);
    expect(syncHistory(project.paths).history.runs.map((r) => r.runId)).toEqual([run.runId]);
    const workerDir = project.paths.workerDir;
    expect(fs.existsSync(workerDir) ? fs.readdirSync(workerDir) : []).toEqual([]);
  });

  it('ends with a summary of at most 80 columns: slowest test and file, the run file and the next command', () => {
    const start = jestRun.stderr.indexOf(`jest-perf: ${reported.length} tests tracked`);
    const block = jestRun.stderr.slice(start, jestRun.stderr.indexOf('\n\n', jestRun.stderr.indexOf('  next ')));
    const lines = block.split('\n');
    const ran = run.tests.filter((test) => test.status === 'passed' || test.status === 'failed');
    const slowestTest = [...ran].sort((a, b) => b.durationMs - a.durationMs)[0]!;
    const slowestFile = [...run.files].sort((a, b) => b.runtimeMs - a.runtimeMs)[0]!;
    const after = (header: string) => lines[lines.findIndex((line) => line.startsWith(`  ${header}`)) + 1] ?? '';

    expect(start).toBeGreaterThanOrEqual(0);
    // Each row: name, time, CPU and wait shares (this project's environment measures CPU time).
    expect(after('slowest tests')).toMatch(
      new RegExp(`^  ${slowestTest.file}.* ${formatDuration(slowestTest.durationMs)} +\\d+% +\\d+%$`),
    );
    expect(after('slowest files')).toMatch(
      new RegExp(`^  ${slowestFile.path} +${formatDuration(slowestFile.runtimeMs)}( +\\d+%){4}$`),
    );
    expect(block).toContain(`  run file .jest-perf/runs/${run.runId}.json\n`);
    expect(block).toContain('  next     npx jest-perf report\n');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('records every test exactly once', () => {
    const ids = run.tests.map((test) => test.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(run.tests).toHaveLength(jestRun.json!.numTotalTests);
    expect(run.tests.map(testKey).sort()).toEqual(reported.map(testKey).sort());
  });

  it("gives each test Jest's status, duration, retries and line", () => {
    const byKey = new Map(run.tests.map((test) => [testKey(test), test]));
    for (const expected of reported) {
      const actual = byKey.get(testKey(expected));
      expect({
        key: testKey(expected),
        status: actual?.status,
        durationMs: actual?.durationMs,
        line: actual?.line,
      }).toEqual({
        key: testKey(expected),
        status: expectedStatus(expected.status),
        durationMs: expected.duration ?? 0,
        line: expected.location?.line,
      });
      expect(actual?.retries).toBe((expected.invocations ?? 1) - 1);
    }
    expect(testTitled(run, 'passes on the second attempt')).toMatchObject({ status: 'passed', retries: 1 });
  });

  it('covers every status and sums them like Jest', () => {
    const statuses = new Set(run.tests.map((test) => test.status));
    expect([...statuses].sort()).toEqual(['failed', 'passed', 'skipped', 'todo']);
    const json = jestRun.json!;
    expect(run.summary).toMatchObject({
      total: json.numTotalTests,
      passed: json.numPassedTests,
      failed: json.numFailedTests,
      skipped: json.numPendingTests + json.numTodoTests,
    });
  });

  it('keeps tests with the same title in different describes apart', () => {
    const common = run.tests.filter((test) => test.title === 'has a common title').map((test) => test.id);
    expect(common.sort()).toEqual([
      'outcomes.test.js › first › has a common title',
      'outcomes.test.js › second › has a common title',
    ]);
  });

  it("records each file's runtime as Jest measured it", () => {
    const files = new Map(run.files.map((file) => [file.path, file]));
    const results = jestRun.json!.testResults;
    for (const result of results) {
      const file = files.get(relativeFile(project.dir, result.name));
      expect(file?.runtimeMs).toBe(result.endTime - result.startTime);
    }
    expect(run.files).toHaveLength(results.length);
  });
});

describe('hook timing', () => {
  it('attributes beforeEach and afterEach time to the tests of their describe only', () => {
    for (const title of ['first with setup', 'second with setup']) {
      const test = testTitled(run, title);
      expect(test.setupMs).toBeGreaterThanOrEqual((BEFORE_EACH_MS + AFTER_EACH_MS) * 0.8);
      // Jest's duration includes the test's hooks (Jest rounds to whole milliseconds).
      expect(test.durationMs).toBeGreaterThanOrEqual(test.setupMs - 2);
    }
    for (const title of ['third without setup', 'top level without setup']) {
      // Exactly 0: Jest's own per-test beforeEach must not count.
      expect(testTitled(run, title).setupMs).toBe(0);
    }
  });

  it('lists each hook of the file once, with its calls, time and line (lines only for hooks of 1 ms or more)', () => {
    const file = run.files.find((f) => f.path === 'hooks.test.js')!;
    const hooks = [...file.hooks].sort(
      (a, b) => (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER),
    );
    expect(hooks.map(({ type, describePath, line, calls }) => ({ type, describePath, line, calls }))).toEqual([
      { type: 'beforeAll', describePath: [], line: lineOf('suite', 'hooks.test.js', 'beforeAll('), calls: 1 },
      {
        type: 'beforeEach',
        describePath: ['with setup'],
        line: lineOf('suite', 'hooks.test.js', 'beforeEach('),
        calls: 2,
      },
      {
        type: 'afterEach',
        describePath: ['with setup'],
        line: lineOf('suite', 'hooks.test.js', 'afterEach('),
        calls: 2,
      },
      // The empty afterAll costs under LINE_MIN_MS: its definition stack is never formatted, so no line.
      { type: 'afterAll', describePath: [], line: undefined, calls: 1 },
    ]);
    const byType = new Map(hooks.map((hook) => [hook.type, hook]));
    expect(byType.get('beforeAll')!.totalMs).toBeGreaterThanOrEqual(BEFORE_ALL_MS * 0.8);
    expect(byType.get('beforeEach')!.totalMs).toBeGreaterThanOrEqual(2 * BEFORE_EACH_MS * 0.8);
    expect(byType.get('beforeEach')!.maxMs).toBeGreaterThanOrEqual(BEFORE_EACH_MS * 0.8);
    const hookSum = hooks.reduce((sum, hook) => sum + hook.totalMs, 0);
    expect(file.hookMs).toBeCloseTo(hookSum, 1);
  });

  it('times callback and generator hooks to their end, as jest-circus runs them', () => {
    expect(testTitled(run, 'runs after a callback hook').setupMs).toBeGreaterThanOrEqual(CALLBACK_HOOK_MS * 0.8);
    expect(testTitled(run, 'runs after a generator hook').setupMs).toBeGreaterThanOrEqual(GENERATOR_HOOK_MS * 0.8);
    const styles = run.files.find((f) => f.path === 'hookStyles.test.js')!;
    expect(styles.hooks.map(({ type, calls }) => ({ type, calls }))).toEqual([
      { type: 'beforeEach', calls: 1 },
      { type: 'beforeEach', calls: 1 },
    ]);
  });

  it("keeps a retried test's hook time of its last attempt only, like its duration", () => {
    const retried = testTitled(run, 'passes on the second attempt');
    expect(retried.setupMs).toBeGreaterThanOrEqual(LAST_ATTEMPT_HOOK_MS * 0.8);
    // The first attempt's hook took FIRST_ATTEMPT_HOOK_MS: counting it would put setupMs above it.
    expect(retried.setupMs).toBeLessThan(FIRST_ATTEMPT_HOOK_MS);
    const retry = run.files.find((f) => f.path === 'retry.test.js')!;
    expect(retry.hooks[0]?.calls).toBe(2);
    expect(retry.hookMs).toBeGreaterThanOrEqual((FIRST_ATTEMPT_HOOK_MS + LAST_ATTEMPT_HOOK_MS) * 0.8);
  });

  it(
    'attributes hook time to the right tests when --randomize shuffles them',
    async () => {
      const shuffled = new Project('suite');
      // A seed whose shuffle moves the hooked tests: the worker record lists tests by position in Jest's
      // results, so following the definition order instead would give their hook time to other tests.
      const jest = await shuffled.runJest({ args: ['--randomize', `--seed=${RANDOM_SEED}`, 'hooks.test.js'] });
      expectExitCode(jest, 0);
      const titles = jest.json!.testResults[0]!.assertionResults.map((test) => test.title);
      expect(titles).not.toEqual([
        'first with setup',
        'second with setup',
        'third without setup',
        'top level without setup',
      ]);
      const randomized = shuffled.latest();
      for (const title of ['first with setup', 'second with setup']) {
        expect(testTitled(randomized, title).setupMs).toBeGreaterThanOrEqual((BEFORE_EACH_MS + AFTER_EACH_MS) * 0.8);
      }
      for (const title of ['third without setup', 'top level without setup']) {
        expect(testTitled(randomized, title).setupMs).toBe(0);
      }
    },
    E2E_TIMEOUT_MS,
  );

  it('records no hooks for files without any (Jest adds a beforeEach of its own to every file)', () => {
    const outcomes = run.files.find((f) => f.path === 'outcomes.test.js')!;
    expect(outcomes.hooks).toEqual([]);
    expect(outcomes.hookMs).toBe(0);
  });
});
