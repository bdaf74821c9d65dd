import type { Circus } from '@jest/types';
import type { CounterGroups, HookRecord, WorkerFileRecord } from '@jest-perf/core';
import { describePath } from './describePath';
import { hookLine, isJestInternalHook } from './hookOrigin';
import { testsInResultOrder } from './resultOrder';
import { timedHook } from './timedHook';

type Clock = () => number;

type CpuUsageReader = () => NodeJS.CpuUsage;

/**
 * The CPU clock tests are timed with, in ms (user + system): the thread that runs them where Node can read
 * it (`process.threadCpuUsage`, Node 22.19+ and 23.9+), else the whole worker process, which also counts
 * garbage-collection and compiler threads (and every worker under Jest's `workerThreads`).
 */
export function cpuClock(proc: { cpuUsage: CpuUsageReader; threadCpuUsage?: CpuUsageReader } = process): Clock {
  const read = (proc.threadCpuUsage ?? proc.cpuUsage).bind(proc);
  return () => {
    const usage = read();
    return (usage.user + usage.system) / 1000;
  };
}

/** The worker's CPU clock (see {@link cpuClock}), made once per worker. */
export const processCpuMs: Clock = cpuClock();

/**
 * Hooks cheaper than this in total get no line number: formatting a definition stack goes through Jest's
 * source maps (0.7-1.8 ms a hook, measured in a worker), and a line only matters for hooks worth profiling.
 * At 1 ms, one garbage collection or preemption inside any cheap hook paid that cost in most test files
 * (15-40 ms a worker per run, mostly loading the source-map support: docs/benchmarks.md); at 10 ms a line
 * costs at most a tenth of its hook.
 */
export const LINE_MIN_MS = 10;

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
 * `add_test`, dispatched synchronously while the file loads) and times each hook from inside, by
 * wrapping the hook's function (see {@link timedHook}): it needs no event once tests run, so the
 * environment can leave jest-circus's handler list then. One instance per test file (Jest builds an
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
  private readonly hookCpu = new Map<HookRecord, number>();
  private readonly cpuStart: number;
  /** The CPU clock at the end of the newest call of a test (see {@link cpuStartOf}). */
  private lastCpuEnd: { test: Circus.TestEntry; invocation: number; ms: number } | undefined;

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
    private readonly cpuNow: Clock = processCpuMs,
  ) {
    this.cpuStart = cpuNow();
  }

  /** Takes jest-circus's definition events; other events are ignored (hooks time themselves). */
  handle(event: Circus.Event, state: Circus.State): void {
    if (event.name === 'add_hook') this.onAddHook(event, state);
    else if (event.name === 'add_test') this.onAddTest(state);
  }

  /** Wraps the new test's function to take its CPU time (Jest times the test itself, wall clock). */
  private onAddTest(state: Circus.State): void {
    this.root ??= state.rootDescribeBlock;
    const test = state.currentDescribeBlock.children.at(-1);
    if (test?.type !== 'test' || typeof test.fn !== 'function') return;
    test.fn = timedHook(test.fn as unknown as Circus.HookFn, () => {
      const started = this.cpuStartOf(test);
      return () => {
        this.testTiming(test).cpuMs += this.cpuEndOf(test) - started;
      };
    }) as unknown as Circus.TestFn;
  }

  /** Adds to a fix-side counter (`fixtureCache.hits`, `llmMock.calls`...). */
  count(group: string, name: string, delta = 1): void {
    const counters = (this.counters[group] ??= {});
    counters[name] = (counters[name] ?? 0) + delta;
  }

  toRecord(worker: number | null): WorkerFileRecord {
    // Every test of the tree, run or not, as Jest lists them in the file's results.
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
          cpuMs: round(this.hookCpu.get(record) ?? 0),
        };
      }),
      testSetupMs: timings.map((timing) => round(timing?.setupMs ?? 0)),
      testCpuMs: timings.map((timing) => round(timing?.cpuMs ?? 0)),
      cpuMs: round(Math.max(0, this.cpuNow() - this.cpuStart)),
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
    const perTest = hook.type === 'beforeEach' || hook.type === 'afterEach';
    hook.fn = timedHook(hook.fn, () => this.startHook(record, perTest ? state.currentlyRunningTest : null));
  }

  /** Starts timing one call of a hook; the returned function ends it. */
  private startHook(record: HookRecord, test: Circus.TestEntry | null | undefined): () => void {
    const started = this.now();
    const cpuStarted = this.cpuStartOf(test ?? null);
    return () => {
      const ms = this.now() - started;
      const cpuMs = this.cpuEndOf(test ?? null) - cpuStarted;
      record.calls += 1;
      record.totalMs += ms;
      record.maxMs = Math.max(record.maxMs, ms);
      this.hookCpu.set(record, (this.hookCpu.get(record) ?? 0) + cpuMs);
      this.hookMs += ms;
      if (test) {
        const timing = this.testTiming(test);
        timing.setupMs += ms;
        timing.cpuMs += cpuMs;
      }
    };
  }

  /**
   * The CPU clock at the start of a call (a hook's or a test's function). Inside one test the end of its
   * previous call is taken as the start: a reading is a syscall (`getrusage`, 3-13 µs on a busy VM) and a
   * test with a beforeEach and an afterEach makes three calls; what jest-circus does between them counts
   * for the test, as its wall time does. `null`: a beforeAll/afterAll, always read.
   */
  private cpuStartOf(test: Circus.TestEntry | null): number {
    const last = this.lastCpuEnd;
    return test !== null && last !== undefined && last.test === test && last.invocation === test.invocations
      ? last.ms
      : this.cpuNow();
  }

  /** The CPU clock at the end of a call, kept as the start of the same test's next call. */
  private cpuEndOf(test: Circus.TestEntry | null): number {
    const ms = this.cpuNow();
    this.lastCpuEnd = test === null ? undefined : { test, invocation: test.invocations, ms };
    return ms;
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
