import type { EnvironmentContext, JestEnvironment, JestEnvironmentConfig } from '@jest/environment';
import type { Circus } from '@jest/types';
import { PERF_CHANNEL_GLOBAL, type PerfChannel } from '@jest-perf/core/channel';
import { readEnv } from '@jest-perf/core/env';
import type { FileRecorder } from './FileRecorder';
import { circusHandlers, leaveHandlers } from './handlerList';
import { isTransformed } from './hookOrigin';
import { lazyTags } from './lazyTags';
import { newestTest } from './newestTest';
import { applyTagFilter, type TagFilter, tagFilterFromEnv } from './tagFilter';
import { appendWorkerRecord, currentWorkerId } from './workerFile';

/** What test code sees as `globalThis.__JEST_PERF__` (the contract lives in `@jest-perf/core/channel`). */
export type { PerfChannel };

/** One per worker process (module state): see {@link PerfChannel.workerStore}. */
const workerStore = new Map<string, unknown>();

type EnvironmentClass = new (config: JestEnvironmentConfig, context: EnvironmentContext) => JestEnvironment;
/** The base environment's instance as this mixin uses it (methods, so they can be overridden). */
declare class BaseInstance {
  global: JestEnvironment['global'];
  teardown(): Promise<void>;
}
type LooseEventHandler = (event: Circus.Event, state: Circus.State) => void | Promise<void>;

/** The name of the handler that leaves jest-circus's list once tests run (see the constructor). */
const DEFINITIONS_HANDLER = 'jestPerfDefinitionsHandler';

let warned = false;
function warnOnce(error: unknown): void {
  if (warned) return;
  warned = true;
  process.stderr.write(`jest-perf: could not record hook timings: ${String(error)}\n`);
}

/**
 * Adds jest-perf tracking to any Jest environment class: hook timings, tags and counters go to a
 * per-worker file when the reporter turned tracking on; tag filters (`JEST_PERF_SKIP_TAGS`) always apply.
 * @example module.exports = withPerfTracking(require('jest-environment-node').default);
 */
export function withPerfTracking<T extends EnvironmentClass>(Base: T): T {
  const baseHandleTestEvent = (Base.prototype as { handleTestEvent?: LooseEventHandler }).handleTestEvent;
  // TypeScript requires a mixin's constructor to take `any[]`; the real signature is Base's.
  // biome-ignore lint/suspicious/noExplicitAny: mixin constructor signature required by TS (TS2545)
  return class PerfEnvironment extends (Base as new (...args: any[]) => BaseInstance) {
    private readonly fileTags: string[];
    private readonly tagFilter: TagFilter | null = tagFilterFromEnv();
    private readonly workerDir = readEnv('JEST_PERF_WORKER_DIR');
    private readonly recorder: FileRecorder | null;
    private settledPromise: Promise<void> | undefined;

    constructor(config: JestEnvironmentConfig, context: EnvironmentContext) {
      super(config, context);
      const active = Boolean(this.workerDir) || this.tagFilter !== null;
      this.fileTags = active ? lazyTags().parsePragmaTags(context.docblockPragmas.tags) : [];
      this.recorder = this.workerDir ? this.createRecorder(config, context) : null;
      const recorder = this.recorder;
      const channel: PerfChannel = { count: (group, name, delta) => recorder?.count(group, name, delta), workerStore };
      this.global[PERF_CHANNEL_GLOBAL] = channel;
      const ownHandler = this.handleTestEvent === PerfEnvironment.prototype.handleTestEvent;
      if (ownHandler && !active) {
        // Nothing to do per event: jest-circus awaits every registered handler on every event (tens of
        // thousands in a big suite), so leave it the base's handler, or none. A subclass that overrides
        // handleTestEvent keeps it (and reaches this one through super, which then only forwards).
        this.setHandler(baseHandleTestEvent);
      } else if (ownHandler && !baseHandleTestEvent) {
        // Only definition events are needed (hooks time themselves, tag filters apply as tests are
        // defined): this handler leaves jest-circus's list when the tests start to run, after the recorder
        // has seen run_start. Its name is how it finds itself there (jest-circus registers
        // `handleTestEvent.bind(environment)`).
        const handlers = {
          [DEFINITIONS_HANDLER]: (event: Circus.Event, state: Circus.State): void | Promise<void> => {
            if (event.name !== 'run_start') return PerfEnvironment.prototype.handleTestEvent.call(this, event, state);
            this.onDefinition(event, state);
            return this.leaveHandlers(event, state);
          },
        };
        this.setHandler(handlers[DEFINITIONS_HANDLER]);
      }
    }

    private setHandler(handler: LooseEventHandler | undefined): void {
      Object.defineProperty(this, 'handleTestEvent', {
        value: handler,
        writable: true,
        configurable: true,
        enumerable: false,
      });
    }

    /** See {@link leaveHandlers}: jest-circus awaits what the handler moved into this one's place returned. */
    private leaveHandlers(event: Circus.Event, state: Circus.State): void | Promise<void> {
      const handlers = circusHandlers(this.global);
      const { left, result } = handlers
        ? leaveHandlers(handlers, `bound ${DEFINITIONS_HANDLER}`, event, state)
        : { left: false };
      return left ? (result as void | Promise<void>) : this.settled();
    }

    /** Loaded only when tracking is on: with tracking off, a worker loads none of the recording code. */
    private createRecorder(config: JestEnvironmentConfig, context: EnvironmentContext): FileRecorder {
      const { FileRecorder } = require('./FileRecorder') as typeof import('./FileRecorder');
      // `?.`: environments built by hand (custom wrappers, tests) may pass a partial config.
      const transformed = isTransformed(config.projectConfig?.transform, context.testPath);
      return new FileRecorder(context.testPath, this.fileTags, undefined, transformed);
    }

    /**
     * Synchronous on purpose: jest-circus dispatches definition events (add_hook, add_test) synchronously,
     * and an `await` before recording would read jest-circus's state after later events changed it.
     * Only definition events and run_start matter here: the recorder wraps each hook to time it (and, at
     * run_start, the tests that need it), and a tag filter skips a test as it is defined (so a describe
     * whose tests are all skipped runs no beforeAll either).
     * Returns the base's result, else a settled promise (see {@link settled}).
     */
    handleTestEvent(event: Circus.Event, state: Circus.State): void | Promise<void> {
      if (event.name === 'add_test' || event.name === 'add_hook' || event.name === 'run_start') {
        this.onDefinition(event, state);
      }
      return baseHandleTestEvent ? baseHandleTestEvent.call(this, event, state) : this.settled();
    }

    private onDefinition(event: Circus.Event, state: Circus.State): void {
      try {
        if (event.name === 'add_test' && this.tagFilter) {
          const test = newestTest(state);
          if (test) applyTagFilter(test, this.fileTags, this.tagFilter);
        }
        this.recorder?.handle(event, state);
      } catch (error) {
        warnOnce(error);
      }
    }

    /**
     * One settled promise of the test file's realm, returned for every event. jest-circus awaits each
     * handler on every event: awaiting a plain value makes two promises, awaiting a native promise of
     * the awaiting realm one. Each promise costs more as a worker runs more files (Jest 30 leaves one
     * AsyncLocalStorage enabled per test file, and every promise's init hook visits them all): with 25
     * stores enabled, a micro-benchmark of the same dispatch loop measured this handler ~40 % cheaper.
     */
    private settled(): Promise<void> {
      if (!this.settledPromise) {
        // Read once: a property of a vm context's global goes through the context's interceptors.
        const RealmPromise = (this.global as { Promise?: PromiseConstructor }).Promise ?? Promise;
        this.settledPromise = RealmPromise.resolve();
      }
      return this.settledPromise;
    }

    override async teardown(): Promise<void> {
      if (this.recorder && this.workerDir) {
        try {
          appendWorkerRecord(this.workerDir, this.recorder.toRecord(currentWorkerId()));
        } catch (error) {
          warnOnce(error);
        }
      }
      await super.teardown();
    }
  } as unknown as T;
}
