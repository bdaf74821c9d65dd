import {
  JEST_DEFAULT_TRANSFORM_IGNORE_PATTERNS,
  linkedEnvironmentPattern,
  withLinkedEnvironmentIgnored,
} from '../linkedInstall';

const linked = '/work/jest-perf/packages/environment/dist/bundle/node.js';
const installed = '/app/node_modules/@jest-perf/environment/dist/bundle/node.js';
const pnpmInstalled =
  '/app/node_modules/.pnpm/@jest-perf+environment@0.1.0/node_modules/@jest-perf/environment/dist/bundle/node.js';

function ignoredBy(patterns: readonly string[] | undefined, file: string): boolean {
  return (patterns ?? []).some((pattern) => new RegExp(pattern).test(file));
}

describe('linkedEnvironmentPattern', () => {
  it('is null when jest-perf is installed under node_modules (npm, pnpm): Jest already skips it', () => {
    expect(linkedEnvironmentPattern(installed)).toBeNull();
    expect(linkedEnvironmentPattern(pnpmInstalled)).toBeNull();
  });

  it("matches the linked environment's folder (every entry in it) and nothing beside it", () => {
    const pattern = linkedEnvironmentPattern(linked);

    expect(ignoredBy([pattern ?? '$^'], linked)).toBe(true);
    expect(ignoredBy([pattern ?? '$^'], '/work/jest-perf/packages/environment/dist/bundle/jsdom.js')).toBe(true);
    expect(ignoredBy([pattern ?? '$^'], '/work/jest-perf/packages/environment/src/node.ts')).toBe(false);
    expect(ignoredBy([pattern ?? '$^'], '/other/work/jest-perf/packages/environment/dist/bundle/node.js')).toBe(false);
  });

  it('escapes what a folder name holds that means something in a regular expression', () => {
    const pattern = linkedEnvironmentPattern('/w/a+b (1)/env/node.js') ?? '$^';

    expect(new RegExp(pattern).test('/w/a+b (1)/env/node.js')).toBe(true);
    expect(new RegExp(pattern).test('/w/aab 1/env/node.js')).toBe(false);
  });
});

describe('withLinkedEnvironmentIgnored', () => {
  it("leaves the project's patterns as they are (unset stays unset) when jest-perf is installed", () => {
    expect(withLinkedEnvironmentIgnored(undefined, installed)).toBeUndefined();
    expect(withLinkedEnvironmentIgnored(['/vendor/'], installed)).toEqual(['/vendor/']);
  });

  it("keeps Jest's default patterns, or the project's own, and adds the linked folder once", () => {
    const fromDefault = withLinkedEnvironmentIgnored(undefined, linked);
    const fromOwn = withLinkedEnvironmentIgnored(['/node_modules/(?!lodash-es)'], linked);

    expect(fromDefault?.slice(0, -1)).toEqual(JEST_DEFAULT_TRANSFORM_IGNORE_PATTERNS);
    expect(fromOwn?.[0]).toBe('/node_modules/(?!lodash-es)');
    expect(ignoredBy(fromDefault, linked) && ignoredBy(fromOwn, linked)).toBe(true);
    expect(ignoredBy(fromDefault, '/work/app/src/sum.js')).toBe(false);
    expect(withLinkedEnvironmentIgnored(fromOwn, linked)).toEqual(fromOwn);
  });
});
