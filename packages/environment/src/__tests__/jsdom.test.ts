import * as fs from 'node:fs';
import type { EnvironmentContext, JestEnvironment, JestEnvironmentConfig } from '@jest/environment';
import PerfJsdomEnvironment from '../jsdom';
import { environmentSource, fakeProject } from './helpers/fakeProject';

const context: EnvironmentContext = { console, docblockPragmas: {}, testPath: '/repo/a.test.ts' };
let root: string;

beforeAll(() => {
  root = fakeProject({
    'node_modules/jest-environment-jsdom/package.json': '{}',
    'node_modules/jest-environment-jsdom/index.js': `${environmentSource('FakeJsdom')}module.exports.default = module.exports;`,
  });
});

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe('jsdom entry', () => {
  it("wraps the project's own jest-environment-jsdom", () => {
    const config = { globalConfig: {}, projectConfig: { rootDir: root } } as unknown as JestEnvironmentConfig;

    const env = new PerfJsdomEnvironment(config, context) as JestEnvironment & { marker?: string };

    expect(env.marker).toBe('FakeJsdom');
    expect(typeof env.global.__JEST_PERF__).toBe('object');
  });

  it('says to install jest-environment-jsdom when the project does not have it', () => {
    const empty = fakeProject({ 'package.json': '{}' });
    const config = { globalConfig: {}, projectConfig: { rootDir: empty } } as unknown as JestEnvironmentConfig;

    try {
      expect(() => new PerfJsdomEnvironment(config, context)).toThrow(/Fix: npm i -D jest-environment-jsdom/);
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});
