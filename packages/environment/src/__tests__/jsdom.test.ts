import type { EnvironmentContext, JestEnvironmentConfig } from '@jest/environment';

type EnvironmentClass = new (config: JestEnvironmentConfig, context: EnvironmentContext) => unknown;

class FakeJsdom {
  global: Record<string, unknown> = {};
  async teardown(): Promise<void> {}
}

/** jest-environment-jsdom is an optional peer: pnpm links it here only when the workspace has it. */
function jsdomInstalled(): boolean {
  try {
    require.resolve('jest-environment-jsdom');
    return true;
  } catch {
    return false;
  }
}

/** Stands in for jest-environment-jsdom; a `virtual` mock is needed only when it is not installed. */
function mockJsdom(factory: () => unknown): void {
  jest.doMock('jest-environment-jsdom', factory, { virtual: !jsdomInstalled() });
}

function loadEntry(): EnvironmentClass {
  let entry: EnvironmentClass | undefined;
  jest.isolateModules(() => {
    entry = require('../jsdom') as EnvironmentClass;
  });
  if (!entry) throw new Error('the jsdom entry did not load');
  return entry;
}

function loadError(): Error {
  try {
    loadEntry();
  } catch (error) {
    if (error instanceof Error) return error;
  }
  throw new Error('expected the jsdom entry to throw');
}

const config = {} as unknown as JestEnvironmentConfig;
const context: EnvironmentContext = { console, docblockPragmas: {}, testPath: '/repo/a.test.ts' };

afterEach(() => {
  jest.dontMock('jest-environment-jsdom');
});

describe('jsdom entry', () => {
  it('says to install jest-environment-jsdom when it is missing', () => {
    // Without the package the real require fails; with it, a factory that throws plays the missing module.
    if (jsdomInstalled()) {
      mockJsdom(() => {
        throw Object.assign(new Error("Cannot find module 'jest-environment-jsdom'"), { code: 'MODULE_NOT_FOUND' });
      });
    }

    const error = loadError();

    expect(error.message).toBe(
      '@jest-perf/environment/jsdom needs jest-environment-jsdom. Fix: pnpm add -D jest-environment-jsdom',
    );
    expect(String(error.cause)).toContain("Cannot find module 'jest-environment-jsdom'");
  });

  it("wraps jest-environment-jsdom's default export when it is installed", () => {
    mockJsdom(() => ({ default: FakeJsdom }));
    const Environment = loadEntry();

    const env = new Environment(config, context);

    expect(Environment).not.toBe(FakeJsdom);
    expect(env).toBeInstanceOf(FakeJsdom);
    expect(typeof (env as FakeJsdom).global.__JEST_PERF__).toBe('object');
  });

  it('wraps a jest-environment-jsdom that exports the class itself', () => {
    mockJsdom(() => FakeJsdom);

    const env = new (loadEntry())(config, context);

    expect(env).toBeInstanceOf(FakeJsdom);
  });
});
