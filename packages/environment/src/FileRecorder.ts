import type { Circus } from '@jest/types';
import type { CounterGroups, HookRecord, WorkerFileRecord } from '@jest-perf/core';
import { type Clock, CpuClock, processCpuMs } from './cpuClock';
import { describePath } from './describePath';
import { hookLine, isJestInternalHook } from './hookOrigin';
import { testsInResultOrder } from './resultOrder';
import { timedHook } from './timedHook';

/**
 * Hooks cheaper than this in total get no line number: formatting a definition stack goes through Jest's
 * source maps (0.7-1.8 ms a hook, measured in a worker), and a line only matters for hooks worth profiling.
 * At 1 ms, one garbage collection or preemption inside any cheap hook paid that cost in most test files
 * (15-40 ms a worker per run, mostly loading the source-map support: docs/benchmarks.md); at 10 ms a line
 * costs at most a tenth of its hook.
 */
export const LINE_MIN_MS = 10;

/** The `beforeEach`/`afterEach` hooks jest-circus runs around each test of a block (see {@link FileRecorder.bracketsOf}). */
interface Brackets {
  /** Whether one of them is a timed `beforeEach`, which opens the test's CPU span before its function runs. */
  timedBeforeEach: boolean;
  /** The `afterEach` it runs last, which closes the span; null when it runs none. */
  lastAfterEach: Circus.Hook | null;
}

/** A test's setup time, with the attempt it is for: a retried test keeps its last attempt only, like Jest. */
interface TestTiming {
  setupMs: number;
  /** CPU time of the test function and its `beforeEach`/`afterEach` calls. */
  cpuMs: number;
  invocation: number;
}

/**
 * Times every hook of one test file and attributes `beforeEach`/`afterEach` time to the test it ran
 * for. It learns the file's hooks and tests from jest-circus's definition events (`add_hook`,
 * `add_test`, dispatched synchronously while the file loads, then `run_start`) and times each hook from
 * inside, by wrapping the hook's function (see {@link timedHook}): it needs no event once tests run, so
 * the environment can leave jest-circus's handler list then. One instance per test file (Jest builds an
 * environment per file).
 */
export class FileRecorder {
  private readonly hooks = new Map<Circus.Hook, HookRecord>();
  /** The file's describe tree, whose tests are listed at the end in the order of Jest's results. */
  private root: Circus.DescribeBlock | undefined;
  private readonly timings = new Map<Circus.TestEntry, TestTiming>();
  /** Stacks of hook definitions, formatted only at the end and only for hooks worth a line number. */
  private readonly definitions = new Map<Circus.Hook, Error>();
  private readonly describePaths = new Map<Circus.DescribeBlock, string[]>();
  private readonly counters: CounterGroups = {};
  private hookMs = 0;
  private sawFirstHook = false;
  /** CPU time of beforeAll/afterAll hooks (a test's beforeEach/afterEach calls count for the test). */
  private readonly hookCpu = new Map<HookRecord, number>();
  private readonly cpu: CpuClock;
  private readonly cpuStart: number;
  /** The test running now, from the CPU clock at the start of its first call (see {@link openSpan}). */
  private span: { test: Circus.TestEntry; invocation: number; startCpu: number; startMs: number } | undefined;
  /** Per describe block, found once (see {@link bracketsOf}). */
  private readonly brackets = new Map<Circus.DescribeBlock, Brackets>();

  /**
   * @param now the clock hooks are timed with
   * @param transformed whether Jest transforms the test file (see `isTransformed`): hook lines of an
   * untransformed file are read from the stack as it is, without Jest's source maps
   */
  constructor(
    private readonly testPath: string,
    private readonly fileTags: string[],
    private readonly now: Clock = () => performance.now(),
    private readonly transformed = true,
    cpuNow: Clock = processCpuMs,
  ) {
    this.cpu = new CpuClock(now, cpuNow);
    this.cpuStart = this.cpu.read();
  }

  /**
   * Takes jest-circus's definition events and `run_start`, which ends them; other events are ignored
   * (hooks time themselves).
   */
  handle(event: Circus.Event, state: Circus.State): void {
    if (event.name === 'add_hook') this.onAddHook(event, state);
    else if (event.name === 'add_test') this.root ??= state.rootDescribeBlock;
    else if (event.name === 'run_start') this.onRunStart(state);
  }

  /**
   * Wraps the function of each test whose hooks do not open and close its CPU span by themselves (see
   * {@link needsOwnTiming}): decided once the tree is complete, since a `beforeEach` or `afterEach` defined
   * after a test applies to it too. Left unwrapped where its hooks bracket it, a test with both makes two
   * timed calls instead of three (docs/benchmarks.md: tracking's cost on a fast suite).
   */
  private onRunStart(state: Circus.State): void {
    this.root ??= state.rootDescribeBlock;
    for (const test of testsInResultOrder(this.root)) {
      if (typeof test.fn !== 'function' || !this.needsOwnTiming(test)) continue;
      test.fn = timedHook(test.fn as unknown as Circus.HookFn, () => {
        this.openSpan(test, this.now());
        return () => {
          if (this.lastCallOf(test) === null) this.closeSpan(this.now());
        };
      }) as unknown as Circus.TestFn;
    }
  }

  /**
   * Whether the test's own function must open or close its CPU span: unless a timed `beforeEach` opens it
   * (jest-circus runs them before the function, from the root block down) and an `afterEach` closes it
   * (see {@link lastCallOf}). Jest's own `beforeEach` is not timed (see {@link onAddHook}).
   */
  private needsOwnTiming(test: Circus.TestEntry): boolean {
    return this.lastCallOf(test) === null || !this.bracketsOf(test.parent).timedBeforeEach;
  }

  /** Adds to a fix-side counter (`fixtureCache.hits`, `llmMock.calls`...). */
  count(group: string, name: string, delta = 1): void {
    const counters = (this.counters[group] ??= {});
    counters[name] = (counters[name] ?? 0) + delta;
  }

  toRecord(worker: number | null): WorkerFileRecord {
    // Every test of the tree, run or not, as Jest lists them in the file's results.
    this.closeSpan(this.now());
    const timings = this.root ? testsInResultOrder(this.root).map((test) => this.timings.get(test)) : [];
    return {
      kind: 'file',
      testPath: this.testPath,
      worker,
      fileTags: this.fileTags,
      hookMs: round(this.hookMs),
      hooks: [...this.hooks].map(([hook, record]) => {
        const line =
          record.totalMs >= LINE_MIN_MS
            ? hookLine(this.definitions.get(hook), this.testPath, this.transformed)
            : undefined;
        return {
          ...record,
          ...(line === undefined ? {} : { line }),
          totalMs: round(record.totalMs),
          maxMs: round(record.maxMs),
          ...(this.hookCpu.has(record) ? { cpuMs: round(this.hookCpu.get(record) ?? 0) } : {}),
        };
      }),
      testSetupMs: timings.map((timing) => round(timing?.setupMs ?? 0)),
      testCpuMs: timings.map((timing) => round(timing?.cpuMs ?? 0)),
      cpuMs: round(Math.max(0, this.cpu.read() - this.cpuStart)),
      counters: this.counters,
    };
  }

  private onAddHook(event: Circus.Event & { name: 'add_hook' }, state: Circus.State): void {
    // jest-circus has already created the hook: it is the newest one of the current block.
    const hook = state.currentDescribeBlock.hooks.at(-1);
    if (!hook) return;
    // Jest adds its own beforeEach before any setup file or test file code runs, so only the first
    // hook of a file can be it: one stack to format per file instead of one per hook.
    const first = !this.sawFirstHook;
    this.sawFirstHook = true;
    if (first && isJestInternalHook(event.asyncError, event.fn)) return;
    const record: HookRecord = {
      type: hook.type,
      describePath: this.describePath(hook.parent),
      calls: 0,
      totalMs: 0,
      maxMs: 0,
    };
    this.definitions.set(hook, event.asyncError);
    this.hooks.set(hook, record);
    if (hook.type === 'beforeEach' || hook.type === 'afterEach') {
      hook.fn = timedHook(hook.fn, () => this.startEachHook(hook, record, state.currentlyRunningTest ?? null));
    } else {
      this.hookCpu.set(record, 0);
      hook.fn = timedHook(hook.fn, () => this.startOnceHook(record));
    }
  }

  /** Starts timing one call of a beforeEach/afterEach hook for `test`; the returned function ends it. */
  private startEachHook(hook: Circus.Hook, record: HookRecord, test: Circus.TestEntry | null): () => void {
    const wall = this.now();
    const started = test ? this.openSpan(test, wall) : wall;
    return () => {
      const ended = this.now();
      const ms = this.endCall(record, ended - started);
      if (!test) return;
      this.testTiming(test).setupMs += ms;
      if (hook.type === 'afterEach' && this.lastCallOf(test) === hook) this.closeSpan(ended);
    };
  }

  /** Starts timing one call of a beforeAll/afterAll hook, CPU time included; the returned function ends it. */
  private startOnceHook(record: HookRecord): () => void {
    const wall = this.now();
    // A test whose last call never ran (its beforeEach failed and it has no afterEach) ends here.
    this.closeSpan(wall);
    const cpuStarted = this.cpu.near(wall);
    const started = this.cpu.readWall(wall);
    return () => {
      const ms = this.endCall(record, this.now() - started);
      this.hookCpu.set(record, (this.hookCpu.get(record) ?? 0) + this.cpu.since(cpuStarted, ms));
    };
  }

  /** Adds one call's wall time (`ms`) to its hook; returns it. */
  private endCall(record: HookRecord, ms: number): number {
    record.calls += 1;
    record.totalMs += ms;
    record.maxMs = Math.max(record.maxMs, ms);
    this.hookMs += ms;
    return ms;
  }

  /**
   * Starts the test's CPU span at its first call (a beforeEach or its own function); its later calls run
   * inside it. One span per test, not one reading per call: a reading is a syscall (`getrusage`), which in a
   * busy worker stalled for a millisecond or more about once in a hundred calls, and at a reading before and
   * after each call the readings were most of tracking's cost on a fast suite (docs/benchmarks.md). Its
   * start is read only when the last reading is too old to build on ({@link CpuClock.near}), its end only when
   * it took 1 ms or more ({@link CpuClock.since}). Its ends are the wall readings of its first and last calls
   * (`wall`: the call's start), not readings of their own. Returns the wall time the call is timed from: after
   * the CPU reading when it took one (see {@link CpuClock.readWall}).
   */
  private openSpan(test: Circus.TestEntry, wall: number): number {
    const open = this.span;
    if (open?.test === test && open.invocation === test.invocations) return wall;
    this.closeSpan(wall);
    const startCpu = this.cpu.near(wall);
    const startMs = this.cpu.readWall(wall);
    this.span = { test, invocation: test.invocations, startCpu, startMs };
    return startMs;
  }

  /** Ends the open span (if any) at `wall`: its CPU time is its test's (of that attempt). */
  private closeSpan(wall: number): void {
    const open = this.span;
    if (!open) return;
    this.span = undefined;
    const timing = this.testTiming(open.test);
    if (timing.invocation !== open.invocation) return;
    timing.cpuMs += this.cpu.since(open.startCpu, wall - open.startMs);
  }

  /**
   * The call that ends a test: the afterEach hook jest-circus runs last for it (from the test's block up
   * to the root, each block's in definition order; it runs them even when the test failed), or null when
   * its own function is the last (no afterEach; concurrent tests run none).
   */
  private lastCallOf(test: Circus.TestEntry): Circus.Hook | null {
    return test.concurrent ? null : this.bracketsOf(test.parent).lastAfterEach;
  }

  /** The hooks around the block's tests: its own and its ancestors' (jest-circus runs them all). */
  private bracketsOf(block: Circus.DescribeBlock): Brackets {
    let found = this.brackets.get(block);
    if (!found) {
      found = { timedBeforeEach: false, lastAfterEach: null };
      // afterEach: from the block up to the root, each block's in definition order, so the root's last runs last.
      for (let current: Circus.DescribeBlock | undefined = block; current; current = current.parent) {
        for (const hook of current.hooks) {
          if (hook.type === 'afterEach') found.lastAfterEach = hook;
          else if (hook.type === 'beforeEach' && this.hooks.has(hook)) found.timedBeforeEach = true;
        }
      }
      this.brackets.set(block, found);
    }
    return found;
  }

  /** The timing of the test's current attempt: a new attempt (a retry) starts from zero. */
  private testTiming(test: Circus.TestEntry): TestTiming {
    const invocation = test.invocations ?? 0;
    let timing = this.timings.get(test);
    if (!timing || timing.invocation !== invocation) {
      timing = { setupMs: 0, cpuMs: 0, invocation };
      this.timings.set(test, timing);
    }
    return timing;
  }

  /** One array per describe block, shared by its hooks (they are only serialised). */
  private describePath(block: Circus.DescribeBlock | undefined): string[] {
    if (!block) return [];
    let titles = this.describePaths.get(block);
    if (!titles) {
      titles = describePath(block);
      this.describePaths.set(block, titles);
    }
    return titles;
  }
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
