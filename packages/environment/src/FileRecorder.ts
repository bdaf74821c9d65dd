import type { Circus } from '@jest/types';
import type { CounterGroups, HookRecord, WorkerFileRecord, WorkerTestRecord } from '@jest-perf/core';
import { describePath } from './describePath';
import { hookLine, isJestInternalHook } from './hookOrigin';

type Clock = () => number;

/**
 * Hooks cheaper than this in total get no line number: formatting a definition stack goes through Jest's
 * source maps (about 0.7 ms each), and a line only matters for hooks worth profiling.
 */
export const LINE_MIN_MS = 1;

/**
 * Times every hook of one test file from jest-circus events and attributes `beforeEach`/`afterEach`
 * time to the test it ran for. One instance per test file (Jest builds an environment per file).
 */
export class FileRecorder {
  private readonly hookStarts = new Map<Circus.Hook, number>();
  private readonly hooks = new Map<Circus.Hook, HookRecord>();
  private readonly internalHooks = new WeakSet<Circus.Hook>();
  private readonly tests = new Map<Circus.TestEntry, WorkerTestRecord>();
  /** Stacks of hook definitions, formatted only at the end and only for hooks worth a line number. */
  private readonly definitions = new Map<Circus.Hook, Error>();
  private readonly describePaths = new Map<Circus.DescribeBlock, string[]>();
  private readonly counters: CounterGroups = {};
  private hookMs = 0;
  private sawFirstHook = false;

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
  ) {}

  handle(event: Circus.Event, state: Circus.State): void {
    switch (event.name) {
      case 'add_hook':
        this.onAddHook(event, state);
        break;
      case 'hook_start':
        if (!this.internalHooks.has(event.hook)) this.hookStarts.set(event.hook, this.now());
        break;
      case 'hook_success':
      case 'hook_failure':
        this.onHookDone(event.hook, event.test);
        break;
      case 'test_start':
        // A retried test starts again: like Jest's own duration, keep the last attempt only.
        this.tests.set(event.test, {
          ancestorTitles: this.describePath(event.test.parent),
          title: event.test.name,
          setupMs: 0,
          tags: [],
        });
        break;
      default:
        break;
    }
  }

  /** Adds to a fix-side counter (`fixtureCache.hits`, `llmMock.calls`...). */
  count(group: string, name: string, delta = 1): void {
    const counters = (this.counters[group] ??= {});
    counters[name] = (counters[name] ?? 0) + delta;
  }

  toRecord(worker: number | null): WorkerFileRecord {
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
        };
      }),
      tests: [...this.tests.values()].map((test) => ({ ...test, setupMs: round(test.setupMs) })),
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
    if (first && isJestInternalHook(event.asyncError, event.fn)) {
      this.internalHooks.add(hook);
      return;
    }
    this.definitions.set(hook, event.asyncError);
    this.hooks.set(hook, {
      type: hook.type,
      describePath: this.describePath(hook.parent),
      calls: 0,
      totalMs: 0,
      maxMs: 0,
    });
  }

  /** One array per describe block, shared by its tests and hooks (they are only serialised). */
  private describePath(block: Circus.DescribeBlock | undefined): string[] {
    if (!block) return [];
    let titles = this.describePaths.get(block);
    if (!titles) {
      titles = describePath(block);
      this.describePaths.set(block, titles);
    }
    return titles;
  }

  private onHookDone(hook: Circus.Hook, test: Circus.TestEntry | undefined): void {
    const start = this.hookStarts.get(hook);
    if (start === undefined) return;
    this.hookStarts.delete(hook);
    const ms = this.now() - start;
    const record = this.hooks.get(hook);
    if (record) {
      record.calls += 1;
      record.totalMs += ms;
      record.maxMs = Math.max(record.maxMs, ms);
    }
    this.hookMs += ms;
    const testRecord = test ? this.tests.get(test) : undefined;
    if (testRecord) testRecord.setupMs += ms;
  }
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
