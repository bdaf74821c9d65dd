import type { EnvironmentContext, JestEnvironment, JestEnvironmentConfig } from '@jest/environment';
import type { Circus } from '@jest/types';
import { parsePragmaTags } from '@jest-perf/core';
import { FileRecorder } from './FileRecorder';
import { applyTagFilter, type TagFilter, tagFilterFromEnv } from './tagFilter';
import { appendWorkerRecord, currentWorkerId, WORKER_DIR_ENV } from './workerFile';

/** What test code sees as `globalThis.__JEST_PERF__`: the one channel fix-side libraries report through. */
export interface PerfChannel {
  count(group: string, name: string, delta?: number): void;
  /**
   * Values kept for the life of this Jest worker process: Jest builds a new environment (and module
   * registry) per test file, but this module is loaded once per worker, so the map outlives each file.
   * Worker-scoped fixtures (`@jest-perf/datasets`' workerFixture) live here.
   */
  workerStore: Map<string, unknown>;
}

/** One per worker process (module state): see {@link PerfChannel.workerStore}. */
const workerStore = new Map<string, unknown>();

type EnvironmentClass = new (config: JestEnvironmentConfig, context: EnvironmentContext) => JestEnvironment;
/** The base environment's instance as this mixin uses it (methods, so they can be overridden). */
declare class BaseInstance {
  global: JestEnvironment['global'];
  teardown(): Promise<void>;
}
type LooseEventHandler = (event: Circus.Event, state: Circus.State) => void | Promise<void>;

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
    private readonly workerDir = process.env[WORKER_DIR_ENV];
    private readonly recorder: FileRecorder | null;

    constructor(config: JestEnvironmentConfig, context: EnvironmentContext) {
      super(config, context);
      this.fileTags = parsePragmaTags(context.docblockPragmas.tags);
      this.recorder = this.workerDir ? new FileRecorder(context.testPath, this.fileTags) : null;
      const recorder = this.recorder;
      const channel: PerfChannel = { count: (group, name, delta) => recorder?.count(group, name, delta), workerStore };
      this.global.__JEST_PERF__ = channel;
    }

    /**
     * Synchronous on purpose: jest-circus dispatches definition events (add_hook...) synchronously, and
     * an `await` before recording would read jest-circus's state after later events changed it.
     */
    handleTestEvent(event: Circus.Event, state: Circus.State): void | Promise<void> {
      if (event.name === 'test_start' && this.tagFilter) applyTagFilter(event.test, this.fileTags, this.tagFilter);
      try {
        this.recorder?.handle(event, state);
      } catch (error) {
        warnOnce(error);
      }
      return baseHandleTestEvent?.call(this, event, state);
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
