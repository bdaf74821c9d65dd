import { afterAllShared, beforeAllShared, fixtureScope, type HookGlobals } from '../fixtureScope';

/** Records which hook a helper declared, instead of declaring it. */
function capture() {
  const declared: { hook: keyof HookGlobals; timeout?: number }[] = [];
  const record =
    (hook: keyof HookGlobals) =>
    (_fn: () => unknown, timeout?: number): void =>
      void declared.push(timeout === undefined ? { hook } : { hook, timeout });
  const globals: Required<HookGlobals> = {
    beforeAll: record('beforeAll'),
    beforeEach: record('beforeEach'),
    afterAll: record('afterAll'),
    afterEach: record('afterEach'),
  };
  return { declared, globals };
}

afterEach(() => {
  delete process.env.JEST_PERF_PER_TEST_FIXTURES;
});

describe('fixtureScope', () => {
  it('shares fixtures unless JEST_PERF_PER_TEST_FIXTURES is 1', () => {
    expect(fixtureScope({})).toBe('shared');
    expect(fixtureScope({ JEST_PERF_PER_TEST_FIXTURES: '0' })).toBe('shared');
    expect(fixtureScope({ JEST_PERF_PER_TEST_FIXTURES: '1' })).toBe('per-test');
  });

  it('reads the process environment at each call', () => {
    expect(fixtureScope()).toBe('shared');
    process.env.JEST_PERF_PER_TEST_FIXTURES = '1';
    expect(fixtureScope()).toBe('per-test');
  });
});

describe('beforeAllShared and afterAllShared', () => {
  it('declare beforeAll and afterAll, passing the timeout on', () => {
    const { declared, globals } = capture();
    beforeAllShared(() => undefined, 5000, globals);
    afterAllShared(() => undefined, undefined, globals);
    expect(declared).toEqual([{ hook: 'beforeAll', timeout: 5000 }, { hook: 'afterAll' }]);
  });

  it('declare beforeEach and afterEach with JEST_PERF_PER_TEST_FIXTURES=1 (the rollback)', () => {
    process.env.JEST_PERF_PER_TEST_FIXTURES = '1';
    const { declared, globals } = capture();
    beforeAllShared(() => undefined, 5000, globals);
    afterAllShared(() => undefined, 10, globals);
    expect(declared).toEqual([
      { hook: 'beforeEach', timeout: 5000 },
      { hook: 'afterEach', timeout: 10 },
    ]);
  });

  it("use Jest's hooks by default, and explain when there are none", () => {
    const holder = globalThis as { beforeAll?: unknown };
    const jestBeforeAll = holder.beforeAll;
    const { declared, globals } = capture();
    holder.beforeAll = globals.beforeAll;
    try {
      beforeAllShared(() => undefined);
      holder.beforeAll = undefined;
      expect(() => beforeAllShared(() => undefined)).toThrow(
        'beforeAll is not defined: call this helper in a test file, or pass beforeAll',
      );
    } finally {
      holder.beforeAll = jestBeforeAll;
    }
    expect(declared).toEqual([{ hook: 'beforeAll' }]);
  });
});

// Declared through the real Jest globals: the fixture is built once for the block, and torn down after it.
describe('beforeAllShared in a real Jest file', () => {
  const events: string[] = [];
  beforeAllShared(() => void events.push('build'));
  afterAllShared(() => void events.push('teardown'));

  it('sees the fixture built once, before any test', () => {
    expect(events).toEqual(['build']);
  });

  it('sees the same single build in another test of the block', () => {
    expect(events).toEqual(['build']);
  });
});
