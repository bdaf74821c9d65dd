import type { Circus } from '@jest/types';
import { FileRecorder, LINE_MIN_MS } from '../FileRecorder';

const TEST_PATH = '/repo/src/__tests__/math.test.ts';
const USER_STACK = `Error\n    at Object.<anonymous> (${TEST_PATH}:12:3)\n    at Runtime._execModule (/repo/node_modules/jest-runtime/build/index.js:1:1)`;
const JEST_STACK =
  'Error\n    at jestAdapter (/repo/node_modules/.pnpm/jest-circus@30.5.2/node_modules/jest-circus/build/jestAdapter.js:80:5)';

/** A settable clock: each test says what "now" is before each event. */
function clock(): { now: () => number; set: (ms: number) => void } {
  let current = 0;
  return { now: () => current, set: (ms) => (current = ms) };
}

function block(name: string, parent?: Circus.DescribeBlock): Circus.DescribeBlock {
  return { type: 'describeBlock', name, parent, hooks: [], children: [], mode: undefined, tests: [] };
}

const root = block('ROOT_DESCRIBE_BLOCK');

function testEntry(name: string, parent: Circus.DescribeBlock = root): Circus.TestEntry {
  return { type: 'test', name, parent, mode: undefined } as unknown as Circus.TestEntry;
}

function state(current: Circus.DescribeBlock): Circus.State {
  return { currentDescribeBlock: current, rootDescribeBlock: root } as unknown as Circus.State;
}

/** Declares a hook the way jest-circus does: push it onto the block, then dispatch `add_hook`. */
function addHook(
  recorder: FileRecorder,
  type: Circus.HookType,
  parent: Circus.DescribeBlock,
  stack: string | undefined = USER_STACK,
): Circus.Hook {
  const asyncError = new Error('hook');
  asyncError.stack = stack;
  const hook = { type, parent, asyncError, fn: () => undefined, seenDone: false, timeout: undefined };
  parent.hooks.push(hook);
  recorder.handle({ name: 'add_hook', hookType: type, fn: hook.fn, timeout: undefined, asyncError }, state(parent));
  return hook;
}

function runHook(
  recorder: FileRecorder,
  time: ReturnType<typeof clock>,
  hook: Circus.Hook,
  startMs: number,
  endMs: number,
  options: { test?: Circus.TestEntry; fail?: boolean } = {},
): void {
  time.set(startMs);
  recorder.handle({ name: 'hook_start', hook }, state(root));
  time.set(endMs);
  const done: Circus.Event = options.fail
    ? { name: 'hook_failure', hook, test: options.test, error: new Error('boom') }
    : { name: 'hook_success', hook, test: options.test };
  recorder.handle(done, state(root));
}

function startTest(recorder: FileRecorder, test: Circus.TestEntry): void {
  recorder.handle({ name: 'test_start', test }, state(root));
}

describe('FileRecorder', () => {
  afterEach(() => {
    root.hooks.length = 0;
  });

  it('records a hook with its type, describe path and declaration line', () => {
    const time = clock();
    const recorder = new FileRecorder(TEST_PATH, [], time.now);
    const math = block('Math @slow', root);
    const hook = addHook(recorder, 'beforeAll', math);

    runHook(recorder, time, hook, 100, 150);

    expect(recorder.toRecord(1).hooks).toEqual([
      { type: 'beforeAll', describePath: ['Math @slow'], line: 12, calls: 1, totalMs: 50, maxMs: 50 },
    ]);
  });

  it('omits the line when the hook stack does not show the test file', () => {
    const recorder = new FileRecorder(TEST_PATH, []);

    addHook(recorder, 'afterAll', root, 'Error\n    at helper (/repo/src/helpers.ts:3:1)');

    expect(recorder.toRecord(1).hooks[0]).not.toHaveProperty('line');
  });

  it('gives no line to a hook cheaper than LINE_MIN_MS in total (its stack is never formatted)', () => {
    const time = clock();
    const recorder = new FileRecorder(TEST_PATH, [], time.now);
    const hook = addHook(recorder, 'beforeEach', root);

    runHook(recorder, time, hook, 0, LINE_MIN_MS / 2);

    expect(recorder.toRecord(1).hooks[0]).not.toHaveProperty('line');
  });

  it('only checks the first hook of a file for being Jest’s own', () => {
    const time = clock();
    const recorder = new FileRecorder(TEST_PATH, [], time.now);
    addHook(recorder, 'beforeEach', root);
    const second = addHook(recorder, 'beforeEach', root, JEST_STACK);

    runHook(recorder, time, second, 0, 4);

    expect(recorder.toRecord(1).hookMs).toBe(4);
  });

  it('sums calls, total and max over every run of a hook', () => {
    const time = clock();
    const recorder = new FileRecorder(TEST_PATH, [], time.now);
    const hook = addHook(recorder, 'beforeEach', root);

    runHook(recorder, time, hook, 0, 5);
    runHook(recorder, time, hook, 10, 30);
    runHook(recorder, time, hook, 40, 43, { fail: true });

    const record = recorder.toRecord(1);
    expect(record.hooks[0]).toMatchObject({ calls: 3, totalMs: 28, maxMs: 20 });
    expect(record.hookMs).toBe(28);
  });

  it('attributes beforeEach and afterEach time to the test they ran for', () => {
    const time = clock();
    const recorder = new FileRecorder(TEST_PATH, [], time.now);
    const before = addHook(recorder, 'beforeEach', root);
    const after = addHook(recorder, 'afterEach', root);
    const first = testEntry('adds @fast', block('Math', root));
    const second = testEntry('subtracts');

    startTest(recorder, first);
    runHook(recorder, time, before, 0, 4, { test: first });
    runHook(recorder, time, after, 10, 11, { test: first });
    startTest(recorder, second);
    runHook(recorder, time, before, 20, 27, { test: second, fail: true });

    expect(recorder.toRecord(1).tests).toEqual([
      { ancestorTitles: ['Math'], title: 'adds @fast', setupMs: 5, tags: [] },
      { ancestorTitles: [], title: 'subtracts', setupMs: 7, tags: [] },
    ]);
  });

  it('counts beforeAll and afterAll time for the file only, not for a test', () => {
    const time = clock();
    const recorder = new FileRecorder(TEST_PATH, [], time.now);
    const beforeAll = addHook(recorder, 'beforeAll', root);
    const test = testEntry('adds');

    runHook(recorder, time, beforeAll, 0, 30);
    startTest(recorder, test);

    const record = recorder.toRecord(1);
    expect(record.hookMs).toBe(30);
    expect(record.tests[0]?.setupMs).toBe(0);
  });

  it("ignores Jest's own beforeEach, defined from inside jest-circus", () => {
    const time = clock();
    const recorder = new FileRecorder(TEST_PATH, [], time.now);
    const internal = addHook(recorder, 'beforeEach', root, JEST_STACK);
    const test = testEntry('adds');

    startTest(recorder, test);
    runHook(recorder, time, internal, 0, 9, { test });

    const record = recorder.toRecord(1);
    expect(record.hooks).toEqual([]);
    expect(record.hookMs).toBe(0);
    expect(record.tests[0]?.setupMs).toBe(0);
  });

  it("recognises Jest's own beforeEach by its source, without formatting its stack", () => {
    const time = clock();
    const recorder = new FileRecorder(TEST_PATH, [], time.now);
    const asyncError = new Error('hook');
    Object.defineProperty(asyncError, 'stack', {
      get: () => {
        throw new Error('the stack must not be formatted');
      },
    });
    // The shape of jest-circus's own hook (runner.js): it resets modules and mocks per config.
    const fn = () => {
      const config = { resetModules: false };
      const runtime = { resetModules: () => undefined };
      if (config.resetModules) runtime.resetModules();
    };
    const hook = { type: 'beforeEach' as const, parent: root, asyncError, fn, seenDone: false, timeout: undefined };
    root.hooks.push(hook);
    recorder.handle({ name: 'add_hook', hookType: 'beforeEach', fn, timeout: undefined, asyncError }, state(root));

    runHook(recorder, time, hook, 0, 9);

    expect(recorder.toRecord(1).hookMs).toBe(0);
  });

  it('ignores add_hook when the current block has no hook', () => {
    const recorder = new FileRecorder(TEST_PATH, []);
    const asyncError = new Error('hook');

    recorder.handle(
      { name: 'add_hook', hookType: 'beforeAll', fn: () => undefined, timeout: undefined, asyncError },
      state(block('empty', root)),
    );

    expect(recorder.toRecord(1).hooks).toEqual([]);
  });

  it('ignores a hook end without a start', () => {
    const time = clock();
    const recorder = new FileRecorder(TEST_PATH, [], time.now);
    const hook = addHook(recorder, 'afterAll', root);

    recorder.handle({ name: 'hook_success', hook }, state(root));

    expect(recorder.toRecord(1).hooks[0]?.calls).toBe(0);
    expect(recorder.toRecord(1).hookMs).toBe(0);
  });

  it('still counts the time of a hook it never saw declared', () => {
    const time = clock();
    const recorder = new FileRecorder(TEST_PATH, [], time.now);
    const unknownHook = { type: 'beforeAll', parent: root, asyncError: new Error('x') } as unknown as Circus.Hook;

    runHook(recorder, time, unknownHook, 0, 6);

    const record = recorder.toRecord(1);
    expect(record.hooks).toEqual([]);
    expect(record.hookMs).toBe(6);
  });

  it('keeps only the last attempt of a retried test', () => {
    const time = clock();
    const recorder = new FileRecorder(TEST_PATH, [], time.now);
    const before = addHook(recorder, 'beforeEach', root);
    const test = testEntry('flaky');

    startTest(recorder, test);
    runHook(recorder, time, before, 0, 50, { test });
    startTest(recorder, test);
    runHook(recorder, time, before, 100, 102, { test });

    expect(recorder.toRecord(1).tests).toEqual([{ ancestorTitles: [], title: 'flaky', setupMs: 2, tags: [] }]);
  });

  it('ignores events it does not track', () => {
    const recorder = new FileRecorder(TEST_PATH, []);

    recorder.handle({ name: 'setup' } as unknown as Circus.Event, state(root));

    expect(recorder.toRecord(null)).toEqual({
      kind: 'file',
      testPath: TEST_PATH,
      worker: null,
      fileTags: [],
      hookMs: 0,
      hooks: [],
      tests: [],
      counters: {},
    });
  });

  it('sums counters per group and name, by 1 unless told', () => {
    const recorder = new FileRecorder(TEST_PATH, []);

    recorder.count('fixtureCache', 'hits');
    recorder.count('fixtureCache', 'hits', 2);
    recorder.count('fixtureCache', 'misses');
    recorder.count('llmMock', 'calls', 5);

    expect(recorder.toRecord(1).counters).toEqual({ fixtureCache: { hits: 3, misses: 1 }, llmMock: { calls: 5 } });
  });

  it('rounds times to the microsecond in the record and keeps file tags and the worker', () => {
    const time = clock();
    const recorder = new FileRecorder(TEST_PATH, ['slow'], time.now);
    const hook = addHook(recorder, 'beforeEach', root);
    const test = testEntry('adds');

    startTest(recorder, test);
    runHook(recorder, time, hook, 0.1, 1.2345678, { test });

    const record = recorder.toRecord(3);
    expect(record.hookMs).toBe(1.135);
    expect(record.hooks[0]).toMatchObject({ totalMs: 1.135, maxMs: 1.135 });
    expect(record.tests[0]?.setupMs).toBe(1.135);
    expect(record.fileTags).toEqual(['slow']);
    expect(record.worker).toBe(3);
  });

  it('uses performance.now when no clock is given', () => {
    const now = jest.spyOn(performance, 'now').mockReturnValueOnce(10).mockReturnValueOnce(12.5);
    const recorder = new FileRecorder(TEST_PATH, []);
    const hook = addHook(recorder, 'afterAll', root);

    recorder.handle({ name: 'hook_start', hook }, state(root));
    recorder.handle({ name: 'hook_success', hook }, state(root));

    expect(recorder.toRecord(1).hookMs).toBe(2.5);
    now.mockRestore();
  });
});
