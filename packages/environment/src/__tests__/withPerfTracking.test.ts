import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';
import type { EnvironmentContext, JestEnvironment, JestEnvironmentConfig } from '@jest/environment';
import type { Circus } from '@jest/types';
import type { WorkerFileRecord } from '@jest-perf/core';
import { type PerfChannel, withPerfTracking } from '../withPerfTracking';
import { block } from './helpers/describeBlock';

type EnvironmentClass = new (config: JestEnvironmentConfig, context: EnvironmentContext) => JestEnvironment;

const TEST_PATH = '/repo/src/__tests__/math.test.ts';
const ENV_KEYS = ['JEST_PERF_WORKER_DIR', 'JEST_PERF_SKIP_TAGS', 'JEST_PERF_ONLY_TAGS', 'JEST_WORKER_ID'] as const;

/** The smallest environment the mixin can wrap: a global object, teardown, and a test event handler. */
class FakeEnvironment {
  global: Record<string, unknown> = {};
  events: string[] = [];
  tornDown = false;

  constructor(
    readonly config: JestEnvironmentConfig,
    readonly context: EnvironmentContext,
  ) {}

  handleTestEvent(event: Circus.Event): string {
    this.events.push(event.name);
    return `base saw ${event.name}`;
  }

  async teardown(): Promise<void> {
    this.tornDown = true;
  }
}

/** Same, without a test event handler (like jest-environment-node). */
class PlainEnvironment {
  global: Record<string, unknown> = {};
  tornDown = false;

  async teardown(): Promise<void> {
    this.tornDown = true;
  }
}

interface Tracked {
  env: JestEnvironment;
  fake: FakeEnvironment;
}

function context(tags?: string | string[]): EnvironmentContext {
  return { console, testPath: TEST_PATH, docblockPragmas: tags === undefined ? {} : { tags } };
}

function create(tags?: string | string[], Base: object = FakeEnvironment): Tracked {
  const Tracking = withPerfTracking(Base as EnvironmentClass);
  const env = new Tracking({} as unknown as JestEnvironmentConfig, context(tags));
  return { env, fake: env as unknown as FakeEnvironment };
}

const root = block('ROOT_DESCRIBE_BLOCK');
const state = { currentDescribeBlock: root, rootDescribeBlock: root } as unknown as Circus.State;

function testEntry(name: string, parent: Circus.DescribeBlock = root): Circus.TestEntry {
  return { type: 'test', name, parent, mode: undefined, invocations: 0 } as unknown as Circus.TestEntry;
}

/** Defines a test as jest-circus does (its own handler adds it to the block, then `add_test` goes out). */
function defineTest(env: JestEnvironment, name: string, parent: Circus.DescribeBlock = root): Circus.TestEntry {
  const test = testEntry(name, parent);
  parent.children.push(test);
  const defining = { ...state, currentDescribeBlock: parent } as Circus.State;
  dispatch(env, { name: 'add_test', testName: name } as unknown as Circus.Event, defining);
  return test;
}

/** Jest types handleTestEvent as overloads per event kind; the tests send any event through one signature. */
type LooseHandler = (event: Circus.Event, state: Circus.State) => unknown;

function dispatch(env: JestEnvironment, event: Circus.Event, eventState: Circus.State = state): unknown {
  return (env.handleTestEvent as LooseHandler | undefined)?.call(env, event, eventState);
}

function channel(env: JestEnvironment): PerfChannel {
  return env.global.__JEST_PERF__ as PerfChannel;
}

function readRecords(dir: string): WorkerFileRecord[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .flatMap((name) => fs.readFileSync(path.join(dir, name), 'utf8').split('\n'))
    .filter(Boolean)
    .map((line) => JSON.parse(line) as WorkerFileRecord);
}

let dir: string;
let savedEnv: Partial<Record<(typeof ENV_KEYS)[number], string>>;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-'));
  // The reporter makes the run's worker folder before Jest starts its workers.
  fs.mkdirSync(path.join(dir, 'run'));
  savedEnv = {};
  for (const key of ENV_KEYS) {
    savedEnv[key] = process.env[key];
    delete process.env[key];
  }
});

afterEach(() => {
  root.children.length = 0;
  for (const key of ENV_KEYS) {
    const value = savedEnv[key];
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  jest.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('withPerfTracking', () => {
  it("passes every test event on to the base environment's handler and returns its result", () => {
    const { env, fake } = create();

    const result = dispatch(env, { name: 'setup', runtimeGlobals: {} } as unknown as Circus.Event);
    dispatch(env, { name: 'test_start', test: testEntry('adds') });

    expect(result).toBe('base saw setup');
    expect(fake.events).toEqual(['setup', 'test_start']);
  });

  it('handles test events when the base environment has no handler', () => {
    const { env } = create(undefined, PlainEnvironment);

    expect(dispatch(env, { name: 'test_start', test: testEntry('adds') })).toBeUndefined();
  });

  describe('with tracking off and no tag filter', () => {
    it('registers no test event handler of its own (jest-circus awaits each one on every event)', () => {
      expect(create(undefined, PlainEnvironment).env.handleTestEvent).toBeUndefined();
      expect(create().env.handleTestEvent).toBe(FakeEnvironment.prototype.handleTestEvent);
    });

    it("keeps a subclass's own handler, which still reaches the base through super", () => {
      const Tracking = withPerfTracking(FakeEnvironment as unknown as EnvironmentClass);
      // Typed as the fake base: JestEnvironment declares handleTestEvent as a property, not a method.
      class Custom extends (Tracking as unknown as typeof FakeEnvironment) {
        seen: string[] = [];
        override handleTestEvent(event: Circus.Event): string {
          this.seen.push(event.name);
          return super.handleTestEvent(event);
        }
      }
      const env = new Custom({} as unknown as JestEnvironmentConfig, context());

      const result = env.handleTestEvent({ name: 'test_start', test: testEntry('adds') });

      expect(env.seen).toEqual(['test_start']);
      expect(result).toBe('base saw test_start');
    });

    it('loads neither @jest-perf/core nor the recorder', () => {
      const loaded: string[] = [];
      jest.isolateModules(() => {
        jest.doMock('@jest-perf/core', () => {
          loaded.push('@jest-perf/core');
          return jest.requireActual('@jest-perf/core');
        });
        jest.doMock('../FileRecorder', () => {
          loaded.push('FileRecorder');
          return jest.requireActual('../FileRecorder');
        });
        const isolated = require('../withPerfTracking') as typeof import('../withPerfTracking');
        const Tracking = isolated.withPerfTracking(FakeEnvironment as unknown as EnvironmentClass);
        new Tracking({} as unknown as JestEnvironmentConfig, context('slow'));
      });
      jest.dontMock('@jest-perf/core');
      jest.dontMock('../FileRecorder');

      expect(loaded).toEqual([]);
    });
  });

  it("returns one settled promise of the test file's realm for every event when the base has no handler", async () => {
    process.env.JEST_PERF_WORKER_DIR = path.join(dir, 'run');
    const RealmPromise = vm.runInNewContext('Promise') as PromiseConstructor;
    class RealmEnvironment extends PlainEnvironment {
      override global: Record<string, unknown> = { Promise: RealmPromise };
    }
    const { env } = create(undefined, RealmEnvironment);

    const first = dispatch(env, { name: 'test_start', test: testEntry('adds') });
    const second = dispatch(env, { name: 'test_done', test: testEntry('adds') } as unknown as Circus.Event);

    expect(first).toBeInstanceOf(RealmPromise);
    expect(second).toBe(first);
    await expect(first).resolves.toBeUndefined();
  });

  it('registers its handler when tracking is on or a tag filter is set', () => {
    process.env.JEST_PERF_SKIP_TAGS = 'slow';
    const filtering = create().env;
    delete process.env.JEST_PERF_SKIP_TAGS;
    process.env.JEST_PERF_WORKER_DIR = path.join(dir, 'run');
    const tracking = create().env;

    for (const env of [filtering, tracking]) {
      expect(env.handleTestEvent).not.toBe(FakeEnvironment.prototype.handleTestEvent);
      expect(typeof env.handleTestEvent).toBe('function');
    }
  });

  it('gives the recorder run_start when the base has a handler of its own, and passes it on', () => {
    process.env.JEST_PERF_WORKER_DIR = path.join(dir, 'run');
    const { env, fake } = create();
    const test = defineTest(env, 'adds');
    const own = (): void => undefined;
    test.fn = own as unknown as Circus.TestFn;

    dispatch(env, { name: 'run_start' });

    expect(test.fn).not.toBe(own);
    expect(fake.events).toEqual(['add_test', 'run_start']);
  });

  describe('with tracking on or a tag filter, and no handler in the base', () => {
    type Handler = (event: Circus.Event, state: Circus.State) => unknown;

    /** jest-circus's dispatch (state.ts): the handlers of the list, in turn, each awaited. */
    async function circusDispatch(handlers: Handler[], event: Circus.Event): Promise<void> {
      for (const handler of handlers) await handler(event, state);
    }

    /** A test file's handler list as jest-circus builds it: Jest's handlers around the environment's. */
    function handlerList(env: JestEnvironment, seen: string[]): Handler[] {
      const before: Handler = (event) => void seen.push(`before ${event.name}`);
      const after: Handler = (event) => void seen.push(`after ${event.name}`);
      const handlers = [before, (env.handleTestEvent as unknown as Handler).bind(env), after];
      env.global[Symbol.for('EVENT_HANDLERS') as unknown as string] = handlers;
      return handlers;
    }

    beforeEach(() => {
      process.env.JEST_PERF_WORKER_DIR = path.join(dir, 'run');
    });

    it('leaves jest-circus’s handler list when the tests start, and no other handler misses an event', async () => {
      const { env } = create(undefined, PlainEnvironment);
      const seen: string[] = [];
      const handlers = handlerList(env, seen);
      const [before, , after] = handlers;

      await circusDispatch(handlers, { name: 'setup', runtimeGlobals: {} } as unknown as Circus.Event);
      await circusDispatch(handlers, { name: 'run_start' });
      await circusDispatch(handlers, { name: 'test_start', test: testEntry('adds') });

      expect(handlers).toEqual([before, after]);
      expect(seen).toEqual([
        'before setup',
        'after setup',
        'before run_start',
        'after run_start',
        'before test_start',
        'after test_start',
      ]);
    });

    it('still records hooks after leaving the list: they time themselves', async () => {
      const workerDir = path.join(dir, 'run');
      const { env } = create(undefined, PlainEnvironment);
      const handlers = handlerList(env, []);
      const hook = { type: 'beforeAll', parent: root, asyncError: new Error('x'), fn: () => undefined };
      root.hooks.push(hook as unknown as Circus.Hook);
      dispatch(env, {
        name: 'add_hook',
        hookType: 'beforeAll',
        fn: hook.fn,
        asyncError: hook.asyncError,
      } as Circus.Event);
      await circusDispatch(handlers, { name: 'run_start' });

      hook.fn();
      hook.fn();
      await env.teardown();
      root.hooks.length = 0;

      expect(handlers).toHaveLength(2);
      expect(readRecords(workerDir)[0]?.hooks).toEqual([expect.objectContaining({ type: 'beforeAll', calls: 2 })]);
    });

    it('gives the recorder run_start before leaving the list: a test without hooks has its function timed', async () => {
      const { env } = create(undefined, PlainEnvironment);
      const handlers = handlerList(env, []);
      const test = defineTest(env, 'adds');
      const own = (): void => undefined;
      test.fn = own as unknown as Circus.TestFn;

      await circusDispatch(handlers, { name: 'run_start' });

      expect(test.fn).not.toBe(own);
      expect(handlers).toHaveLength(2);
    });

    it('stays (answering with a settled promise) when it cannot find itself in the list', async () => {
      const { env } = create(undefined, PlainEnvironment);
      const foreign: Handler[] = [() => undefined];
      env.global[Symbol.for('EVENT_HANDLERS') as unknown as string] = foreign;

      const result = dispatch(env, { name: 'run_start' });

      expect(result).toBeInstanceOf(Promise);
      await expect(result).resolves.toBeUndefined();
      expect(foreign).toHaveLength(1);
    });

    it('answers run_start with a settled promise when the global has no handler list', async () => {
      const { env } = create(undefined, PlainEnvironment);

      await expect(dispatch(env, { name: 'run_start' })).resolves.toBeUndefined();
    });
  });

  it('installs global.__JEST_PERF__, a no-op channel while tracking is off', async () => {
    const { env, fake } = create();

    channel(env).count('fixtureCache', 'hits');
    await env.teardown();

    expect(typeof channel(env).count).toBe('function');
    expect(fake.tornDown).toBe(true);
    expect(fs.readdirSync(path.join(dir, 'run'))).toEqual([]);
  });

  it('shares one workerStore across the environments of a worker (one per test file)', async () => {
    const first = create().env;
    channel(first).workerStore.set('datasets', { rows: 3 });
    await first.teardown();

    const second = create().env;

    expect(channel(second).workerStore.get('datasets')).toEqual({ rows: 3 });
    channel(second).workerStore.delete('datasets');
  });

  it('writes nothing at teardown when JEST_PERF_WORKER_DIR is not set', async () => {
    process.env.JEST_WORKER_ID = '2';
    const { env } = create('slow');
    dispatch(env, { name: 'test_start', test: testEntry('adds') });

    await env.teardown();

    expect(fs.readdirSync(path.join(dir, 'run'))).toEqual([]);
  });

  it('writes the file record, with counters, file tags and worker id, at teardown when tracking is on', async () => {
    const workerDir = path.join(dir, 'run');
    process.env.JEST_PERF_WORKER_DIR = workerDir;
    process.env.JEST_WORKER_ID = '4';
    const { env, fake } = create(['slow, db', 'serial']);
    const test = defineTest(env, 'adds', block('Math', root));
    test.invocations = 1;
    channel(env).count('llmMock', 'calls', 2);
    channel(env).count('llmMock', 'calls');

    expect(readRecords(workerDir)).toEqual([]);
    await env.teardown();

    expect(fake.tornDown).toBe(true);
    expect(readRecords(workerDir)).toEqual([
      {
        kind: 'file',
        testPath: TEST_PATH,
        worker: 4,
        fileTags: ['slow', 'db', 'serial'],
        hookMs: 0,
        hooks: [],
        testSetupMs: [0],
        testCpuMs: [0],
        cpuMs: expect.any(Number),
        counters: { llmMock: { calls: 3 } },
      },
    ]);
  });

  it('skips tests carrying a tag from JEST_PERF_SKIP_TAGS as they are defined', () => {
    process.env.JEST_PERF_SKIP_TAGS = '@slow';
    const { env, fake } = create();

    const slow = defineTest(env, 'loads @slow');
    const fast = defineTest(env, 'adds');
    const inSlowDescribe = defineTest(env, 'parses', block('CSV @slow', root));

    expect(slow.mode).toBe('skip');
    expect(fast.mode).toBeUndefined();
    expect(inSlowDescribe.mode).toBe('skip');
    expect(fake.events).toEqual(['add_test', 'add_test', 'add_test']);
  });

  it('keeps only tests carrying a tag from JEST_PERF_ONLY_TAGS, file tags included', () => {
    process.env.JEST_PERF_ONLY_TAGS = 'integration';
    const { env: tagged } = create('integration');
    const { env: untagged } = create();

    const inTaggedFile = defineTest(tagged, 'adds');
    const inUntaggedFile = defineTest(untagged, 'adds');

    expect(inTaggedFile.mode).toBeUndefined();
    expect(inUntaggedFile.mode).toBe('skip');
  });

  it('leaves test modes alone without a tag filter', () => {
    const { env } = create('slow');

    const test = defineTest(env, 'loads @slow');

    expect(test.mode).toBeUndefined();
  });

  it('warns once on stderr when recording fails and keeps passing events to the base', () => {
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    process.env.JEST_PERF_WORKER_DIR = path.join(dir, 'run');
    jest.isolateModules(() => {
      const isolated = require('../withPerfTracking') as typeof import('../withPerfTracking');
      const Tracking = isolated.withPerfTracking(FakeEnvironment as unknown as EnvironmentClass);
      const env = new Tracking({} as unknown as JestEnvironmentConfig, context());
      const broken = { name: 'add_hook', asyncError: new Error('x') } as unknown as Circus.Event;

      dispatch(env, broken, {} as unknown as Circus.State);
      dispatch(env, broken, {} as unknown as Circus.State);

      expect((env as unknown as FakeEnvironment).events).toEqual(['add_hook', 'add_hook']);
    });

    expect(stderr).toHaveBeenCalledTimes(1);
    expect(String(stderr.mock.calls[0]?.[0])).toContain('jest-perf: could not record hook timings');
  });

  it('warns instead of failing the file when the record cannot be written, and still tears down', async () => {
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const notADir = path.join(dir, 'file');
    fs.writeFileSync(notADir, '');
    process.env.JEST_PERF_WORKER_DIR = path.join(notADir, 'run');
    let fake: FakeEnvironment | undefined;
    let teardown: Promise<void> | undefined;
    jest.isolateModules(() => {
      const isolated = require('../withPerfTracking') as typeof import('../withPerfTracking');
      const Tracking = isolated.withPerfTracking(FakeEnvironment as unknown as EnvironmentClass);
      const env = new Tracking({} as unknown as JestEnvironmentConfig, context());
      fake = env as unknown as FakeEnvironment;
      teardown = env.teardown();
    });

    await expect(teardown).resolves.toBeUndefined();
    expect(fake?.tornDown).toBe(true);
    expect(String(stderr.mock.calls[0]?.[0])).toContain('jest-perf: could not record hook timings');
  });
});
