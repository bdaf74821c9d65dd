import { DATA_DIR_PATTERN as DATA_DIR } from '@jest-perf/core';
import { wireJsonConfig } from '../init/wireJsonConfig';

function edited(config: unknown): { config: Record<string, unknown>; changes: string[] } {
  const edit = wireJsonConfig(config);
  if (edit.kind !== 'edited') throw new Error(`expected an edit, got ${JSON.stringify(edit)}`);
  return edit;
}

describe('wireJsonConfig', () => {
  it('adds the preset first when the config has none, keeping every other key in order', () => {
    const { config } = edited({ verbose: true, testMatch: ['**/*.spec.js'] });
    expect(Object.keys(config)).toEqual(['preset', 'verbose', 'testMatch']);
    expect(config).toEqual({ preset: '@jest-perf/preset', verbose: true, testMatch: ['**/*.spec.js'] });
  });

  it("wraps the user's own testEnvironment instead of dropping it", () => {
    const { config } = edited({ testEnvironment: 'jsdom', testEnvironmentOptions: { url: 'http://x/' } });
    expect(config).toEqual({
      preset: '@jest-perf/preset',
      testEnvironment: '@jest-perf/environment',
      testEnvironmentOptions: { url: 'http://x/', jestPerf: { base: 'jsdom' } },
    });
  });

  it('keeps a preset of their own (ts-jest) and takes the environment + reporters route', () => {
    const { config } = edited({ preset: 'ts-jest', testEnvironment: 'node' });
    expect(config).toEqual({
      preset: 'ts-jest',
      testEnvironment: '@jest-perf/environment',
      testEnvironmentOptions: { jestPerf: { base: 'node' } },
      reporters: ['default', '@jest-perf/reporter'],
      modulePathIgnorePatterns: [DATA_DIR],
    });
  });

  it("hides the data folder from Jest without jest-perf's preset (which does it), keeping the user's patterns", () => {
    const { config, changes } = edited({ preset: 'ts-jest', modulePathIgnorePatterns: ['<rootDir>/dist/'] });
    expect(config.modulePathIgnorePatterns).toEqual(['<rootDir>/dist/', DATA_DIR]);
    expect(changes).toContain(`modulePathIgnorePatterns: + '${DATA_DIR}' (a run file must not start a watch-mode run)`);
    expect(edited({ testEnvironment: 'jsdom' }).config.modulePathIgnorePatterns).toBeUndefined();
  });

  it('leaves the environment base out when a foreign preset has no testEnvironment of the user', () => {
    const { config, changes } = edited({ preset: 'ts-jest' });
    expect(config).toEqual({
      preset: 'ts-jest',
      testEnvironment: '@jest-perf/environment',
      reporters: ['default', '@jest-perf/reporter'],
      modulePathIgnorePatterns: [DATA_DIR],
    });
    expect(changes).toContain(
      "(if your preset 'ts-jest' sets its own testEnvironment, put it in testEnvironmentOptions.jestPerf.base)",
    );
  });

  it("adds the reporter to the user's own reporters, keeping theirs and their options", () => {
    const { config } = edited({ reporters: ['default', ['jest-junit', { outputDirectory: 'out' }]] });
    expect(config.reporters).toEqual(['default', ['jest-junit', { outputDirectory: 'out' }], '@jest-perf/reporter']);
  });

  it('fixes a half-wired config: the preset is there but testEnvironment overrides its environment', () => {
    const { config, changes } = edited({ preset: '@jest-perf/preset', testEnvironment: 'node' });
    expect(config.testEnvironment).toBe('@jest-perf/environment');
    expect(config.testEnvironmentOptions).toEqual({ jestPerf: { base: 'node' } });
    expect(changes).toHaveLength(2);
  });

  it.each([
    [{ preset: '@jest-perf/preset' }],
    [{ preset: '@jest-perf/preset', testEnvironment: '@jest-perf/environment/jsdom' }],
    [
      {
        preset: 'ts-jest',
        testEnvironment: '@jest-perf/environment',
        reporters: ['default', ['@jest-perf/reporter', { silent: true }]],
        modulePathIgnorePatterns: [DATA_DIR],
      },
    ],
  ])('says already wired for %j', (config) => {
    expect(wireJsonConfig(config)).toEqual({ kind: 'wired' });
  });

  it('is idempotent: wiring its own output changes nothing', () => {
    for (const start of [{}, { testEnvironment: 'jsdom' }, { preset: 'ts-jest', reporters: ['default'] }]) {
      expect(wireJsonConfig(edited(start).config)).toEqual({ kind: 'wired' });
    }
  });

  it.each([
    [[], 'not a JSON object'],
    [{ projects: [{ testEnvironment: 'node' }] }, '`projects`'],
    [{ testEnvironment: 5 }, '`testEnvironment` is not a string'],
    [{ testEnvironment: 'node', testEnvironmentOptions: 'x' }, '`testEnvironmentOptions` is not an object'],
    [{ reporters: 'default' }, '`reporters` is not an array'],
  ])('refuses %j', (config, reason) => {
    const edit = wireJsonConfig(config);
    expect(edit.kind === 'refused' && edit.reason).toContain(reason);
  });
});
