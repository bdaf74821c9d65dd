import type { Config } from '@jest/types';
import { DATA_DIR_PATTERN, withJestPerf } from '../index';
import { withLinkedEnvironmentIgnored } from '../linkedInstall';

const environment = require.resolve('@jest-perf/environment');
const reporter = require.resolve('@jest-perf/reporter');
/** jest-perf is linked in this workspace: its environment's folder joins Jest's transform ignore patterns. */
const linkedIgnore = withLinkedEnvironmentIgnored(undefined, environment);

describe('withJestPerf', () => {
  it("wraps Jest's default node environment and adds the reporter beside 'default' when there were none", () => {
    const config = withJestPerf({ testMatch: ['**/*.spec.js'] });

    expect(config).toEqual({
      testMatch: ['**/*.spec.js'],
      testEnvironment: environment,
      testEnvironmentOptions: { jestPerf: { base: 'node' } },
      transformIgnorePatterns: linkedIgnore,
      modulePathIgnorePatterns: [DATA_DIR_PATTERN],
      reporters: ['default', reporter],
    });
  });

  it('hides the data folder from Jest (its file map and watch mode: a run file must not start the next run), in every project', () => {
    const config = withJestPerf({
      modulePathIgnorePatterns: ['<rootDir>/build/'],
      projects: [{ displayName: 'api' }, { displayName: 'dom', testEnvironment: '@jest-perf/environment/jsdom' }],
    });
    const [api, dom] = (config.projects ?? []) as Config.InitialProjectOptions[];

    expect(config.modulePathIgnorePatterns).toEqual(['<rootDir>/build/', DATA_DIR_PATTERN]);
    expect(api?.modulePathIgnorePatterns).toEqual([DATA_DIR_PATTERN]);
    expect(dom?.modulePathIgnorePatterns).toEqual([DATA_DIR_PATTERN]);
  });

  it("linked, adds its environment's folder to the project's own transformIgnorePatterns, in every project", () => {
    const config = withJestPerf({
      transformIgnorePatterns: ['/node_modules/(?!lodash-es)'],
      projects: [{ displayName: 'api' }],
    });
    const [api] = (config.projects ?? []) as Config.InitialProjectOptions[];

    expect(config.transformIgnorePatterns).toEqual(
      withLinkedEnvironmentIgnored(['/node_modules/(?!lodash-es)'], environment),
    );
    expect(config.transformIgnorePatterns).toHaveLength(2);
    expect(api?.transformIgnorePatterns).toEqual(linkedIgnore);
  });

  it("keeps the user's preset, transform, extensions, environment options and reporters", () => {
    const own: Config.InitialOptions = {
      preset: 'ts-jest',
      transform: { '^.+\\.js$': 'babel-jest' },
      moduleFileExtensions: ['js', 'ts'],
      testEnvironment: 'jsdom',
      testEnvironmentOptions: { url: 'http://localhost/' },
      reporters: [['jest-junit', { outputDirectory: 'out' }]],
    };

    const config = withJestPerf(own);

    expect(config).toMatchObject({
      preset: 'ts-jest',
      transform: own.transform,
      moduleFileExtensions: ['js', 'ts'],
      testEnvironment: environment,
      testEnvironmentOptions: { url: 'http://localhost/', jestPerf: { base: 'jsdom' } },
      reporters: [['jest-junit', { outputDirectory: 'out' }], reporter],
    });
    expect(own.testEnvironment).toBe('jsdom');
  });

  it('wraps each project given as an object and leaves projects given as paths', () => {
    const config = withJestPerf({
      projects: [{ displayName: 'dom', testEnvironment: '<rootDir>/env.js' }, { displayName: 'api' }, '<rootDir>/pkg'],
    });
    const [dom, api, pkg] = config.projects ?? [];

    expect(dom).toMatchObject({
      testEnvironment: environment,
      testEnvironmentOptions: { jestPerf: { base: '<rootDir>/env.js' } },
    });
    expect(api).toMatchObject({ testEnvironment: environment, testEnvironmentOptions: { jestPerf: { base: 'node' } } });
    expect(pkg).toBe('<rootDir>/pkg');
    expect(config.reporters).toEqual(['default', reporter]);
  });

  it('is idempotent: wrapping twice equals wrapping once', () => {
    const once = withJestPerf({ testEnvironment: 'jsdom', projects: [{ testEnvironment: 'node' }] });

    expect(withJestPerf(once)).toEqual(once);
  });

  it('recognises jest-perf already wired by name (preset users, hand-written configs)', () => {
    const config = withJestPerf({
      testEnvironment: '@jest-perf/environment/jsdom',
      reporters: ['default', '@jest-perf/reporter'],
    });

    expect(config.testEnvironment).toBe('@jest-perf/environment/jsdom');
    expect(config.reporters).toEqual(['default', '@jest-perf/reporter']);
  });

  it('wraps a config function (sync or async) into an async one', async () => {
    const fromSync = withJestPerf(() => ({ testEnvironment: 'node' }));
    const fromAsync = withJestPerf(async () => ({ testEnvironment: 'jsdom' }));

    expect((await fromSync()).testEnvironmentOptions).toEqual({ jestPerf: { base: 'node' } });
    expect((await fromAsync()).testEnvironmentOptions).toEqual({ jestPerf: { base: 'jsdom' } });
  });

  it('says what it expected when given something that is not a config', () => {
    expect(() => withJestPerf(null as unknown as Config.InitialOptions)).toThrow(
      /withJestPerf: expected your Jest config \(an object, or a function returning one\), got null/,
    );
  });
});
