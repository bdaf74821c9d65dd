import type { EnvironmentContext, JestEnvironmentConfig } from '@jest/environment';
import NodeEnvironment from 'jest-environment-node';
import PerfNodeEnvironment from '../node';

describe('node entry', () => {
  it("extends Jest's node environment with jest-perf's test event handler", () => {
    expect(PerfNodeEnvironment.prototype).toBeInstanceOf(NodeEnvironment);
    expect(typeof (PerfNodeEnvironment.prototype as { handleTestEvent?: unknown }).handleTestEvent).toBe('function');
    expect((NodeEnvironment.prototype as { handleTestEvent?: unknown }).handleTestEvent).toBeUndefined();
  });

  it('builds a real node environment that exposes the jest-perf channel', async () => {
    const config = {
      globalConfig: {},
      projectConfig: { testEnvironmentOptions: {}, globals: {}, fakeTimers: {} },
    } as unknown as JestEnvironmentConfig;
    const context: EnvironmentContext = { console, docblockPragmas: {}, testPath: '/repo/a.test.ts' };

    const env = new PerfNodeEnvironment(config, context);

    expect(typeof (env.global.__JEST_PERF__ as { count: unknown }).count).toBe('function');
    await env.teardown();
  });
});
