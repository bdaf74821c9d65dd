/** A hook that takes a few milliseconds for sure (a busy wait: a timer could fire early on a loaded machine). */
const BUSY_HOOK = 'const busy = (ms) => { const until = Date.now() + ms; while (Date.now() < until) {} };';

const NODE_TEST = `${BUSY_HOOK}
const { add } = require('../src/math');

describe('math', () => {
  beforeEach(() => busy(5));

  it('adds', () => expect(add(2, 3)).toBe(5));
  it('adds negatives', () => expect(add(-2, -3)).toBe(-5));
  it.skip('is skipped', () => expect(true).toBe(false));
});
`;

const DOM_TEST = `${BUSY_HOOK}
beforeAll(() => busy(5));

it('renders into the document', () => {
  document.body.innerHTML = '<p id="greeting">hi</p>';
  expect(document.getElementById('greeting').textContent).toBe('hi');
});
`;

/**
 * (a) JavaScript only, babel-jest, `testEnvironment: 'node'`, wired with withJestPerf; (c) jsdom through the
 * preset and `testEnvironmentOptions.jestPerf.base`; (d) a multi-project config (node + jsdom) with withJestPerf.
 */
export const JEST29_FILES: Record<string, string> = {
  'src/math.js': 'module.exports = { add: (a, b) => a + b };\n',
  'test/math.test.js': NODE_TEST,
  'test/dom.dom.test.js': DOM_TEST,
  'babel.config.js': 'module.exports = { presets: [] };\n',
  'jest.config.js': `const { withJestPerf } = require('@jest-perf/preset');
module.exports = withJestPerf({ testEnvironment: 'node', testMatch: ['<rootDir>/test/**/math.test.js'] });
`,
  'jest.jsdom.config.js': `module.exports = {
  preset: '@jest-perf/preset',
  testEnvironment: '@jest-perf/environment',
  testEnvironmentOptions: { jestPerf: { base: 'jsdom' } },
  testMatch: ['<rootDir>/test/**/*.dom.test.js'],
};
`,
  'jest.projects.config.js': `const { withJestPerf } = require('@jest-perf/preset');
module.exports = withJestPerf({
  projects: [
    { displayName: 'node', testEnvironment: 'node', testMatch: ['<rootDir>/test/**/math.test.js'] },
    { displayName: 'dom', testEnvironment: 'jsdom', testMatch: ['<rootDir>/test/**/*.dom.test.js'] },
  ],
});
`,
};

/** (b) Jest 30 + ts-jest through the user's own `preset: 'ts-jest'`, wired with withJestPerf. */
export const JEST30_TS_FILES: Record<string, string> = {
  'src/math.ts': 'export const add = (a: number, b: number): number => a + b;\n',
  'test/math.test.ts': `import { add } from '../src/math';

const busy = (ms: number): void => {
  const until = Date.now() + ms;
  while (Date.now() < until) {}
};

describe('math', () => {
  beforeEach(() => busy(5));

  it('adds', () => expect(add(2, 3)).toBe(5));
  it('adds negatives', () => expect(add(-2, -3)).toBe(-5));
});
`,
  'tsconfig.json': `${JSON.stringify({ compilerOptions: { strict: true, esModuleInterop: true, types: ['jest'] } }, null, 2)}\n`,
  'jest.config.js': `const { withJestPerf } = require('@jest-perf/preset');
module.exports = withJestPerf({ preset: 'ts-jest', testEnvironment: 'node' });
`,
  // A config file: the reporter checks it with ajv, which it must reach under pnpm's strict layout.
  'jest-perf.config.json': '{ "slowTestMs": 250 }\n',
};

/** (e) Jest 30, JavaScript only, `testEnvironment: 'node'` in package.json#jest: wired by `jest-perf init` alone. */
export const JEST30_JS_FILES: Record<string, string> = {
  'src/math.js': 'module.exports = { add: (a, b) => a + b };\n',
  'test/math.test.js': NODE_TEST,
};
