import type { EnvironmentContext, JestEnvironmentConfig } from '@jest/environment';
import NodeEnvironment from 'jest-environment-node';
import PerfEnvironment from '../node';

describe('node entry', () => {
  it("builds the project's Jest node environment with the jest-perf channel", async () => {
    const config = {
      globalConfig: {},
      projectConfig: { rootDir: process.cwd(), testEnvironmentOptions: {}, globals: {}, fakeTimers: {} },
    } as unknown as JestEnvironmentConfig;
    const context: EnvironmentContext = { console, docblockPragmas: {}, testPath: '/repo/a.test.ts' };

    const env = new PerfEnvironment(config, context);

    expect(env).toBeInstanceOf(NodeEnvironment);
    expect(typeof (env.global.__JEST_PERF__ as { count: unknown }).count).toBe('function');
    await env.teardown();
  });
});
