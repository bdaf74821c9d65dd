import type { Circus } from '@jest/types';
import { CPU_ESTIMATE_MAX_MS, CPU_READ_MIN_MS } from '../cpuClock';
import { FileRecorder, LINE_MIN_MS } from '../FileRecorder';
import { block } from './helpers/describeBlock';

const TEST_PATH = '/repo/src/__tests__/math.test.ts';
const USER_STACK = `Error\n    at Object.<anonymous> (${TEST_PATH}:12:3)\n    at Runtime._execModule (/repo/node_modules/jest-runtime/build/index.js:1:1)`;
const JEST_STACK =
  'Error\n    at jestAdapter (/repo/node_modules/.pnpm/jest-circus@30.5.2/node_modules/jest-circus/build/jestAdapter.js:80:5)';

/** A settable clock: each test says what "now" is when a hook starts and ends. */
function clock(): { now: () => number; set: (ms: number) => void } {
  let current = 0;
  return { now: () => current, set: (ms) => (current = ms) };
}

/** A CPU clock that counts its readings, and functions that spend CPU time on it. */
function cpuClock() {
  const cpu = {
    ms: 0,
    reads: 0,
    now: (): number => {
      cpu.reads += 1;
      return cpu.ms;
    },
    /** A hook's (or a test's) function that spends `ms`, then throws `error` when given. */
    spend: (ms: number, error?: Error) =>
      (() => {
        cpu.ms += ms;
        if (error) throw error;
      }) as unknown as Circus.HookFn & (() => void),
  };
  return cpu;
}

const root = block('ROOT_DESCRIBE_BLOCK');

/** jest-circus's state as the recorder reads it: the block being defined and the test running. */
const state = {
  currentDescribeBlock: root,
  currentlyRunningTest: null,
  rootDescribeBlock: root,
} as unknown as Circus.State;

/** What each hook's own function does when called: set by {@link runHook} for the call it makes. */
let hookBody: () => unknown = () => undefined;

/** Declares a hook the way jest-circus does: push it onto the block, then dispatch `add_hook`. */
function addHook(
  recorder: FileRecorder,
  type: Circus.HookType,
  parent: Circus.DescribeBlock,
  stack: string | undefined = USER_STACK,
  fn: Circus.HookFn = (() => hookBody()) as Circus.HookFn,
): Circus.Hook {
  const asyncError = new Error('hook');
  asyncError.stack = stack;
  const hook = { type, parent, asyncError, fn, seenDone: false, timeout: undefined };
  parent.hooks.push(hook);
  state.currentDescribeBlock = parent;
  recorder.handle({ name: 'add_hook', hookType: type, fn, timeout: undefined, asyncError }, state);
  state.currentDescribeBlock = root;
  return hook;
}

/** Defines a test the way jest-circus does: push it onto the block, then dispatch `add_test`. */
function addTest(
  recorder: FileRecorder,
  name: string,
  parent: Circus.DescribeBlock = root,
  fn?: () => unknown,
): Circus.TestEntry {
  const test = { type: 'test', name, parent, fn, mode: undefined, invocations: 0 } as unknown as Circus.TestEntry;
  parent.children.push(test);
  state.currentDescribeBlock = parent;
  recorder.handle({ name: 'add_test', testName: name } as unknown as Circus.Event, state);
  state.currentDescribeBlock = root;
  return test;
}

/** What jest-circus does at `test_start`: the test is running, one attempt more. */
function startTest(test: Circus.TestEntry): void {
  test.invocations += 1;
  state.currentlyRunningTest = test;
}

/** What jest-circus dispatches once the file's tests are defined, before it runs the first hook. */
function runStart(recorder: FileRecorder): void {
  recorder.handle({ name: 'run_start' } as Circus.Event, state);
}

/** Calls the hook's (wrapped) function as jest-circus would, from `startMs` to `endMs` on the clock. */
function runHook(
  time: ReturnType<typeof clock>,
  hook: Circus.Hook,
  startMs: number,
  endMs: number,
  options: { fail?: boolean } = {},
): void {
  time.set(startMs);
  hookBody = () => {
    time.set(endMs);
    if (options.fail) throw new Error('boom');
  };
  try {
    (hook.fn as unknown as () => unknown).call({});
  } catch (error) {
    if (!options.fail) throw error;
  }
}

describe('FileRecorder', () => {
  afterEach(() => {
    root.hooks.length = 0;
    root.children.length = 0;
    state.currentlyRunningTest = null;
    hookBody = () => undefined;
  });

  it('records a hook with its type, describe path and declaration line', () => {
    const time = clock();
    const recorder = new FileRecorder(TEST_PATH, [], time.now, true, () => 0);
    const math = block('Math @slow', root);
    const hook = addHook(recorder, 'beforeAll', math);

    runHook(time, hook, 100, 150);

    expect(recorder.toRecord(1).hooks).toEqual([
      { type: 'beforeAll', describePath: ['Math @slow'], line: 12, calls: 1, totalMs: 50, maxMs: 50, cpuMs: 0 },
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

    runHook(time, hook, 0, LINE_MIN_MS / 2);

    expect(recorder.toRecord(1).hooks[0]).not.toHaveProperty('line');
  });

  it('only checks the first hook of a file for being Jest’s own', () => {
    const time = clock();
    const recorder = new FileRecorder(TEST_PATH, [], time.now);
    addHook(recorder, 'beforeEach', root);
    const second = addHook(recorder, 'beforeEach', root, JEST_STACK);

    runHook(time, second, 0, 4);

    expect(recorder.toRecord(1).hookMs).toBe(4);
  });

  it('sums calls, total and max over every run of a hook, a failing one included', () => {
    const time = clock();
    const recorder = new FileRecorder(TEST_PATH, [], time.now);
    const hook = addHook(recorder, 'beforeEach', root);

    runHook(time, hook, 0, 5);
    runHook(time, hook, 10, 30);
    runHook(time, hook, 40, 43, { fail: true });

    const record = recorder.toRecord(1);
    expect(record.hooks[0]).toMatchObject({ calls: 3, totalMs: 28, maxMs: 20 });
    expect(record.hookMs).toBe(28);
  });

  it('attributes beforeEach and afterEach time to the test jest-circus is running', () => {
    const time = clock();
    const recorder = new FileRecorder(TEST_PATH, [], time.now);
    const before = addHook(recorder, 'beforeEach', root);
    const after = addHook(recorder, 'afterEach', root);
    const first = addTest(recorder, 'adds @fast', block('Math', root));
    const second = addTest(recorder, 'subtracts');

    runStart(recorder);
    startTest(first);
    runHook(time, before, 0, 4);
    runHook(time, after, 10, 11);
    startTest(second);
    runHook(time, before, 20, 27, { fail: true });

    expect(recorder.toRecord(1).testSetupMs).toEqual([5, 7]);
  });

  it("lists every test of the tree in the order of Jest's results, 0 where no hook ran", () => {
    const time = clock();
    const recorder = new FileRecorder(TEST_PATH, [], time.now);
    const before = addHook(recorder, 'beforeEach', root);
    const first = addTest(recorder, 'first');
    const outer = block('outer', root);
    const inner = addTest(recorder, 'inner', block('inner', outer));
    addTest(recorder, 'never started', outer);
    const last = addTest(recorder, 'last');

    runStart(recorder);
    startTest(last);
    runHook(time, before, 0, 3);
    startTest(inner);
    runHook(time, before, 10, 12);
    startTest(first);

    // Depth first, children in order, like jest-circus's makeTestResults: first, inner, never started, last.
    expect(recorder.toRecord(1).testSetupMs).toEqual([0, 2, 0, 3]);
  });

  it('follows a --randomize shuffle, which reorders the children jest-circus reports from', () => {
    const time = clock();
    const recorder = new FileRecorder(TEST_PATH, [], time.now);
    const before = addHook(recorder, 'beforeEach', root);
    const a = addTest(recorder, 'a');
    const b = addTest(recorder, 'b');
    root.children.reverse();

    runStart(recorder);
    startTest(b);
    runHook(time, before, 0, 6);
    startTest(a);
    runHook(time, before, 10, 11);

    expect(recorder.toRecord(1).testSetupMs).toEqual([6, 1]);
  });

  it('lists no tests for a file that defined none', () => {
    const recorder = new FileRecorder(TEST_PATH, []);

    addHook(recorder, 'beforeAll', root);

    expect(recorder.toRecord(1).testSetupMs).toEqual([]);
  });

  it('counts beforeAll and afterAll time for the file only, not for a test', () => {
    const time = clock();
    const recorder = new FileRecorder(TEST_PATH, [], time.now);
    const beforeAll = addHook(recorder, 'beforeAll', root);
    const afterAll = addHook(recorder, 'afterAll', root);
    const test = addTest(recorder, 'adds');

    runHook(time, beforeAll, 0, 30);
    runStart(recorder);
    startTest(test);
    // Even if jest-circus still marks a test as running, an "all" hook is not that test's setup.
    runHook(time, afterAll, 40, 42);

    const record = recorder.toRecord(1);
    expect(record.hookMs).toBe(32);
    expect(record.testSetupMs[0]).toBe(0);
  });

  it("leaves Jest's own beforeEach, defined from inside jest-circus, untimed and unwrapped", () => {
    const time = clock();
    const recorder = new FileRecorder(TEST_PATH, [], time.now);
    const fn = (() => hookBody()) as Circus.HookFn;
    const internal = addHook(recorder, 'beforeEach', root, JEST_STACK, fn);
    const test = addTest(recorder, 'adds');

    runStart(recorder);
    startTest(test);
    runHook(time, internal, 0, 9);

    const record = recorder.toRecord(1);
    expect(internal.fn).toBe(fn);
    expect(record.hooks).toEqual([]);
    expect(record.hookMs).toBe(0);
    expect(record.testSetupMs[0]).toBe(0);
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
    recorder.handle({ name: 'add_hook', hookType: 'beforeEach', fn, timeout: undefined, asyncError }, state);

    runHook(time, hook, 0, 9);

    expect(recorder.toRecord(1).hookMs).toBe(0);
  });

  it('ignores add_hook when the current block has no hook', () => {
    const recorder = new FileRecorder(TEST_PATH, []);
    const asyncError = new Error('hook');
    state.currentDescribeBlock = block('empty', root);

    recorder.handle(
      { name: 'add_hook', hookType: 'beforeAll', fn: () => undefined, timeout: undefined, asyncError },
      state,
    );
    state.currentDescribeBlock = root;

    expect(recorder.toRecord(1).hooks).toEqual([]);
  });

  it('records no call for a hook declared but never run', () => {
    const recorder = new FileRecorder(TEST_PATH, []);

    addHook(recorder, 'afterAll', root);

    expect(recorder.toRecord(1).hooks[0]?.calls).toBe(0);
    expect(recorder.toRecord(1).hookMs).toBe(0);
  });

  it('times an async hook until its promise settles', async () => {
    const time = clock();
    const recorder = new FileRecorder(TEST_PATH, [], time.now);
    const hook = addHook(recorder, 'beforeEach', root, USER_STACK, (async () => {
      await Promise.resolve();
      time.set(25);
    }) as Circus.HookFn);
    const test = addTest(recorder, 'adds');

    runStart(recorder);
    startTest(test);
    time.set(5);
    await (hook.fn as unknown as () => Promise<void>).call({});
    await Promise.resolve();

    const record = recorder.toRecord(1);
    expect(record.hooks[0]).toMatchObject({ calls: 1, totalMs: 20 });
    expect(record.testSetupMs[0]).toBe(20);
  });

  it('keeps only the last attempt of a retried test', () => {
    const time = clock();
    const recorder = new FileRecorder(TEST_PATH, [], time.now);
    const before = addHook(recorder, 'beforeEach', root);
    const test = addTest(recorder, 'flaky');

    runStart(recorder);
    startTest(test);
    runHook(time, before, 0, 50);
    startTest(test);
    runHook(time, before, 100, 102);

    expect(recorder.toRecord(1).testSetupMs).toEqual([2]);
  });

  it('ignores events other than definitions and run_start', () => {
    const recorder = new FileRecorder(TEST_PATH, [], undefined, true, () => 0);

    recorder.handle({ name: 'setup' } as unknown as Circus.Event, state);
    recorder.handle({ name: 'test_start', test: {} } as unknown as Circus.Event, state);

    expect(recorder.toRecord(null)).toEqual({
      kind: 'file',
      testPath: TEST_PATH,
      worker: null,
      fileTags: [],
      hookMs: 0,
      hooks: [],
      testSetupMs: [],
      testCpuMs: [],
      cpuMs: 0,
      counters: {},
    });
  });

  it("takes each test's CPU time from its function and its beforeEach/afterEach, and the file's from its start", () => {
    const cpu = clock();
    cpu.set(5);
    // A test spending CPU time takes at least as much wall time: these spans are read on the CPU clock.
    const recorder = new FileRecorder(TEST_PATH, [], cpu.now, true, cpu.now);
    const beforeEach = addHook(recorder, 'beforeEach', root);
    const test = addTest(recorder, 'computes', root, () => cpu.set(cpu.now() + 30));
    addTest(recorder, 'waits');

    runStart(recorder);
    startTest(test);
    cpu.set(10);
    runHook(cpu, beforeEach, 10, 14);
    (test.fn as unknown as () => void)();
    const record = recorder.toRecord(1);

    // 4 ms in its beforeEach + 30 ms in its own function; the untouched test took none.
    expect(record.testCpuMs).toEqual([34, 0]);
    // A beforeEach's CPU time is its test's; only beforeAll/afterAll hooks have their own.
    expect(record.hooks[0]?.cpuMs).toBeUndefined();
    expect(record.cpuMs).toBe(39);
  });

  it('reads the CPU clock twice for a test of CPU_READ_MIN_MS or more that starts long after the last reading', () => {
    const cpu = cpuClock();
    const recorder = new FileRecorder(TEST_PATH, [], () => cpu.ms, true, cpu.now);
    const before = addHook(recorder, 'beforeEach', root, USER_STACK, cpu.spend(4));
    const after = addHook(recorder, 'afterEach', root, USER_STACK, cpu.spend(1));
    const test = addTest(recorder, 'computes', root, cpu.spend(30));
    cpu.reads = 0;
    cpu.ms += CPU_ESTIMATE_MAX_MS; // the file loads: its first reading is that old when the test starts

    runStart(recorder);
    startTest(test);
    (before.fn as unknown as () => void)();
    cpu.ms += 2; // jest-circus between the hook and the test: counted for the test
    (test.fn as unknown as () => void)();
    (after.fn as unknown as () => void)();

    expect(cpu.reads).toBe(2);
    const record = recorder.toRecord(1);
    expect(record.testCpuMs).toEqual([37]);
    expect(record.hooks.map((hook) => hook.cpuMs)).toEqual([undefined, undefined]);
  });

  it('starts a test from the last reading plus the wall time since, when that reading is under CPU_ESTIMATE_MAX_MS old', () => {
    const wall = clock();
    const cpu = cpuClock();
    const recorder = new FileRecorder(TEST_PATH, [], wall.now, true, cpu.now);
    const after = addHook(recorder, 'afterEach', root, USER_STACK, cpu.spend(1));
    const first = addTest(recorder, 'first', root, cpu.spend(20));
    const second = addTest(recorder, 'second', root, cpu.spend(30));
    cpu.reads = 0;

    // Jest's code ran since the file's reading, but the worker waited 0.1 ms of that: the test starts 0.1 ms late.
    wall.set(CPU_ESTIMATE_MAX_MS * 0.6);
    cpu.ms += CPU_ESTIMATE_MAX_MS * 0.6 - 0.1;
    runStart(recorder);
    startTest(first);
    (first.fn as unknown as () => void)();
    wall.set(wall.now() + 21); // its function and afterEach ran without waiting
    (after.fn as unknown as () => void)();
    expect(cpu.reads).toBe(1);

    // Right after the first test's reading, which saw the worker wait under CPU_READ_MIN_MS: one reading too.
    wall.set(wall.now() + CPU_ESTIMATE_MAX_MS * 0.2);
    cpu.ms += CPU_ESTIMATE_MAX_MS * 0.2;
    startTest(second);
    (second.fn as unknown as () => void)();
    wall.set(wall.now() + 31);
    (after.fn as unknown as () => void)();
    expect(cpu.reads).toBe(2);

    // Each is off by the worker's wait before it started (0.1 ms and none).
    expect(recorder.toRecord(1).testCpuMs).toEqual([20.9, 31]);
  });

  it('times a test between a beforeEach and an afterEach with their four wall readings, none of its own', () => {
    const wall = clock();
    let wallReads = 0;
    const countedWall = (): number => {
      wallReads += 1;
      return wall.now();
    };
    const cpu = cpuClock();
    const recorder = new FileRecorder(TEST_PATH, [], countedWall, true, cpu.now);
    const before = addHook(recorder, 'beforeEach', root);
    const after = addHook(recorder, 'afterEach', root);
    const test = addTest(recorder, 'fast', root, () => wall.set(wall.now() + 0.3));
    runStart(recorder);
    wall.set(1);
    cpu.ms = 1; // read when the file started: the test starts within CPU_ESTIMATE_MAX_MS of it
    wallReads = 0;
    cpu.reads = 0;

    startTest(test);
    hookBody = () => wall.set(wall.now() + 0.1);
    (before.fn as unknown as () => void)();
    (test.fn as unknown as () => void)();
    (after.fn as unknown as () => void)();

    expect([wallReads, cpu.reads]).toEqual([4, 0]);
    const record = recorder.toRecord(1);
    expect(record.testSetupMs).toEqual([0.2]);
    expect(record.testCpuMs).toEqual([0.5]);
  });

  it("leaves the CPU clock's own readings out of a hook's time and a test's setup time", () => {
    const wall = clock();
    // A reading that takes 5 ms of wall time: a system call in a busy worker can stall that long.
    const slowRead = (): number => {
      wall.set(wall.now() + 5);
      return 0;
    };
    const recorder = new FileRecorder(TEST_PATH, [], wall.now, true, slowRead);
    const beforeAll = addHook(recorder, 'beforeAll', root);
    const beforeEach = addHook(recorder, 'beforeEach', root);
    const test = addTest(recorder, 'reads', root, () => wall.set(wall.now() + 50));

    runStart(recorder);
    hookBody = () => wall.set(wall.now() + 2);
    (beforeAll.fn as unknown as () => void)();
    startTest(test);
    hookBody = () => wall.set(wall.now() + 1);
    (beforeEach.fn as unknown as () => void)();
    (test.fn as unknown as () => void)();
    const record = recorder.toRecord(1);

    expect(record.hooks.map((hook) => hook.totalMs)).toEqual([2, 1]);
    expect(record.testSetupMs).toEqual([1]);
  });

  it(`takes a test's wall time as its CPU time, with one reading, when it took under CPU_READ_MIN_MS`, () => {
    const wall = clock();
    const cpu = cpuClock();
    const recorder = new FileRecorder(TEST_PATH, [], wall.now, true, cpu.now);
    const after = addHook(recorder, 'afterEach', root, USER_STACK, cpu.spend(0.1));
    const fast = addTest(recorder, 'fast', root, cpu.spend(0.2));
    const slow = addTest(recorder, 'slow', root, cpu.spend(20));
    cpu.reads = 0;

    runStart(recorder);
    startTest(fast);
    wall.set(10);
    (fast.fn as unknown as () => void)();
    wall.set(10 + CPU_READ_MIN_MS * 0.4); // waited: its CPU time (0.3 ms) is less than its wall time
    (after.fn as unknown as () => void)();
    expect(cpu.reads).toBe(1);

    startTest(slow);
    wall.set(20);
    (slow.fn as unknown as () => void)();
    wall.set(20 + CPU_READ_MIN_MS * 50);
    (after.fn as unknown as () => void)();
    expect(cpu.reads).toBe(3);

    expect(recorder.toRecord(1).testCpuMs).toEqual([CPU_READ_MIN_MS * 0.4, 20.1]);
  });

  it('takes a beforeAll or afterAll call under CPU_READ_MIN_MS at its wall time, with one reading', () => {
    const wall = clock();
    const cpu = cpuClock();
    const recorder = new FileRecorder(TEST_PATH, [], wall.now, true, cpu.now);
    const beforeAll = addHook(recorder, 'beforeAll', root);
    const afterAll = addHook(recorder, 'afterAll', root);
    cpu.reads = 0;

    wall.set(CPU_ESTIMATE_MAX_MS); // the file loads: its first reading is that old when the hook starts
    hookBody = () => {
      cpu.ms += 0.1;
      wall.set(wall.now() + CPU_READ_MIN_MS * 0.4);
    };
    (beforeAll.fn as unknown as () => void)();
    expect(cpu.reads).toBe(1);
    wall.set(wall.now() + CPU_ESTIMATE_MAX_MS); // the tests run
    hookBody = () => {
      cpu.ms += 30;
      wall.set(wall.now() + 40);
    };
    (afterAll.fn as unknown as () => void)();
    expect(cpu.reads).toBe(3);

    const record = recorder.toRecord(1);
    expect(record.hooks.map((hook) => hook.cpuMs)).toEqual([CPU_READ_MIN_MS * 0.4, 30]);
  });

  it('ends a test at the afterEach jest-circus calls last: the outermost block’s last one', () => {
    const cpu = cpuClock();
    const recorder = new FileRecorder(TEST_PATH, [], () => cpu.ms, true, cpu.now);
    const inner = block('inner', root);
    const outerAfter = addHook(recorder, 'afterEach', root, USER_STACK, cpu.spend(5));
    const innerAfter = addHook(recorder, 'afterEach', inner, USER_STACK, cpu.spend(2));
    const test = addTest(recorder, 'nested', inner, cpu.spend(10));
    const later = addTest(recorder, 'later', inner, cpu.spend(1));

    runStart(recorder);
    startTest(test);
    (test.fn as unknown as () => void)();
    (innerAfter.fn as unknown as () => void)();
    cpu.ms += 100; // between its two afterEach hooks: still the test's
    (outerAfter.fn as unknown as () => void)();
    cpu.ms += 1000; // between tests: counted for neither
    startTest(later);
    (later.fn as unknown as () => void)();
    (innerAfter.fn as unknown as () => void)();
    (outerAfter.fn as unknown as () => void)();

    expect(recorder.toRecord(1).testCpuMs).toEqual([117, 8]);
  });

  it('ends a test whose last call never ran (a failed beforeEach, no afterEach) at the next reading', () => {
    const cpu = cpuClock();
    const recorder = new FileRecorder(TEST_PATH, [], () => cpu.ms, true, cpu.now);
    const before = addHook(recorder, 'beforeEach', root, USER_STACK, cpu.spend(3, new Error('setup failed')));
    const failing = addTest(recorder, 'never runs', root, cpu.spend(50));
    const afterAll = addHook(recorder, 'afterAll', root, USER_STACK, cpu.spend(7));

    runStart(recorder);
    startTest(failing);
    expect(() => (before.fn as unknown as () => void)()).toThrow('setup failed');
    cpu.ms += 1;
    (afterAll.fn as unknown as () => void)();
    const record = recorder.toRecord(1);

    expect(record.testCpuMs).toEqual([4]);
    expect(record.hooks.map((hook) => hook.cpuMs)).toEqual([undefined, 7]);
  });

  it("wraps a test's own function at run_start, only when its hooks do not open and close its CPU span", () => {
    const recorder = new FileRecorder(TEST_PATH, [], undefined, true, () => 0);
    const inner = block('inner', root);
    const bare = () => undefined;
    const both = addTest(recorder, 'both', inner, bare);
    const onlyAfter = addTest(recorder, 'only afterEach', root, bare);
    const concurrent = addTest(recorder, 'concurrent', inner, bare);
    (concurrent as { concurrent: boolean }).concurrent = true;
    addHook(recorder, 'afterEach', root);
    // Defined after the tests: jest-circus still runs it for them, so it counts.
    addHook(recorder, 'beforeEach', inner);

    expect(both.fn).toBe(bare);
    runStart(recorder);

    expect(both.fn).toBe(bare);
    expect(onlyAfter.fn).not.toBe(bare);
    // jest-circus runs no beforeEach or afterEach for a concurrent test.
    expect(concurrent.fn).not.toBe(bare);
  });

  it("does not count Jest's own beforeEach, which is not timed, as opening a test's span", () => {
    const cpu = cpuClock();
    const recorder = new FileRecorder(TEST_PATH, [], () => cpu.ms, true, cpu.now);
    addHook(recorder, 'beforeEach', root, JEST_STACK);
    const after = addHook(recorder, 'afterEach', root, USER_STACK, cpu.spend(1));
    const test = addTest(recorder, 'computes', root, cpu.spend(10));

    runStart(recorder);
    startTest(test);
    cpu.ms += 100; // Jest's own beforeEach and jest-circus before the test: not the test's
    (test.fn as unknown as () => void)();
    (after.fn as unknown as () => void)();

    expect(recorder.toRecord(1).testCpuMs).toEqual([11]);
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
    const test = addTest(recorder, 'adds');

    runStart(recorder);
    startTest(test);
    runHook(time, hook, 0.1, 1.2345678);

    const record = recorder.toRecord(3);
    expect(record.hookMs).toBe(1.135);
    expect(record.hooks[0]).toMatchObject({ totalMs: 1.135, maxMs: 1.135 });
    expect(record.testSetupMs[0]).toBe(1.135);
    expect(record.fileTags).toEqual(['slow']);
    expect(record.worker).toBe(3);
  });

  it('uses performance.now when no clock is given', () => {
    const now = jest.spyOn(performance, 'now').mockReturnValue(10);
    const recorder = new FileRecorder(TEST_PATH, []);
    const hook = addHook(recorder, 'afterAll', root);

    hookBody = () => now.mockReturnValue(12.5);
    (hook.fn as unknown as () => unknown).call({});

    expect(recorder.toRecord(1).hookMs).toBe(2.5);
    now.mockRestore();
  });
});
