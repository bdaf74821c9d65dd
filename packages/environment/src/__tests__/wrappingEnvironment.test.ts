import * as fs from 'node:fs';
import type { EnvironmentContext, JestEnvironment, JestEnvironmentConfig } from '@jest/environment';
import * as jestModule from '@jest-perf/core/jest-module';
import NodeEnvironment from 'jest-environment-node';
import { wrappingEnvironment } from '../wrappingEnvironment';
import { environmentSource, fakeProject } from './helpers/fakeProject';

const context: EnvironmentContext = { console, docblockPragmas: {}, testPath: '/repo/a.test.ts' };
const roots: string[] = [];

function configFor(
  rootDir: string | undefined,
  testEnvironmentOptions: Record<string, unknown>,
): JestEnvironmentConfig {
  return {
    globalConfig: {},
    projectConfig: { rootDir, testEnvironmentOptions, globals: {}, fakeTimers: {} },
  } as unknown as JestEnvironmentConfig;
}

function project(files: Record<string, string>): string {
  const root = fakeProject(files);
  roots.push(root);
  return root;
}

type Marked = JestEnvironment & { marker?: string; config?: JestEnvironmentConfig };

afterAll(() => {
  for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
});

describe('wrappingEnvironment', () => {
  it("wraps the project's Jest node environment by default", async () => {
    const Environment = wrappingEnvironment('node');

    const env = new Environment(configFor(undefined, {}), context);

    expect(env).toBeInstanceOf(NodeEnvironment);
    expect(typeof (env.global.__JEST_PERF__ as { count: unknown }).count).toBe('function');
    await env.teardown();
  });

  it('wraps an environment file named by a path from rootDir, without passing it the jestPerf options', () => {
    const root = project({ 'env/custom.js': environmentSource('CustomEnvironment') });
    const Environment = wrappingEnvironment('node');

    const env = new Environment(
      configFor(root, { jestPerf: { base: './env/custom.js' }, url: 'http://x' }),
      context,
    ) as Marked;

    expect(env.marker).toBe('CustomEnvironment');
    expect(env.global.__JEST_PERF__).toBeDefined();
    expect(env.config?.projectConfig.testEnvironmentOptions).toEqual({ url: 'http://x' });
  });

  it('keeps a fixed base whatever jestPerf.base the config gives (a file docblock picking /jsdom or /node)', () => {
    // withJestPerf puts the project's own environment in jestPerf.base; a `@jest-environment
    // @jest-perf/environment/node` docblock changes testEnvironment only, so the entry's own base must win.
    const root = project({
      'env/custom.js': environmentSource('CustomEnvironment'),
      'env/fixed.js': environmentSource('FixedEnvironment'),
    });
    const Environment = wrappingEnvironment('./env/fixed.js', { fixed: true });

    const env = new Environment(configFor(root, { jestPerf: { base: './env/custom.js' } }), context) as Marked;

    expect(env.marker).toBe('FixedEnvironment');
    expect(env.global.__JEST_PERF__).toBeDefined();
  });

  it('finds a package the way Jest does, trying jest-environment-<name> first', () => {
    const root = project({
      'node_modules/jest-environment-fancy/package.json': '{}',
      'node_modules/jest-environment-fancy/index.js': environmentSource('Fancy'),
    });

    const env = new (wrappingEnvironment('node'))(configFor(root, { jestPerf: { base: 'fancy' } }), context) as Marked;

    expect(env.marker).toBe('Fancy');
  });

  it('builds the tracked class once per base environment file', () => {
    const root = project({ 'env.js': environmentSource('Once') });
    const Environment = wrappingEnvironment('node');
    const config = configFor(root, { jestPerf: { base: './env.js' } });

    const first = new Environment(config, context);
    const second = new Environment(config, context);

    expect(Object.getPrototypeOf(first)).toBe(Object.getPrototypeOf(second));
  });

  it('resolves a base once per worker: later test files of the project skip the module lookup', () => {
    const root = project({ 'env.js': environmentSource('Resolved') });
    const Environment = wrappingEnvironment('node');
    const config = configFor(root, { jestPerf: { base: './env.js' } });
    // The lookup walks node_modules folders and Jest's loaded modules: ~1 ms a test file, the same answer each time.
    const lookup = jest.spyOn(jestModule, 'resolveFromProject');

    new Environment(config, context);
    const second = new Environment(config, context) as Marked;

    expect(second.marker).toBe('Resolved');
    expect(lookup.mock.calls.map(([request]) => request)).toEqual(['./env.js']);
    lookup.mockRestore();
  });

  it('says which package to install when the base cannot be found', () => {
    const root = project({ 'package.json': '{}' });

    expect(() => new (wrappingEnvironment('jsdom'))(configFor(root, {}), context)).toThrow(
      /cannot find the base environment "jsdom" from .*\. Fix: npm i -D jest-environment-jsdom/,
    );
  });

  it("names the install command of the project's package manager", () => {
    const root = project({ 'package.json': '{}', 'pnpm-lock.yaml': '' });

    expect(() => new (wrappingEnvironment('jsdom'))(configFor(root, {}), context)).toThrow(
      /Fix: pnpm add -D jest-environment-jsdom/,
    );
  });

  it('rejects a base that is not an environment name, naming the option', () => {
    const make = (base: unknown) => () =>
      new (wrappingEnvironment('node'))(configFor(undefined, { jestPerf: { base } }), context);

    expect(make(42)).toThrow(/testEnvironmentOptions\.jestPerf\.base must name the environment to wrap, got 42/);
    expect(make('@jest-perf/environment')).toThrow(/got "@jest-perf\/environment"/);
  });

  it('says what a file that exports no class is', () => {
    const root = project({ 'env.js': 'module.exports = { answer: 42 };' });

    expect(
      () => new (wrappingEnvironment('node'))(configFor(root, { jestPerf: { base: './env.js' } }), context),
    ).toThrow(/env\.js exports no environment class/);
  });
});
