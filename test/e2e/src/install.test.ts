import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { JEST29_FILES, JEST30_JS_FILES, JEST30_TS_FILES } from './install/fixtures';
import {
  createProject,
  installJestPerf,
  ownVersions,
  type PackageManager,
  packTarballs,
  run,
  runManager,
  sideBySide,
  trackedRun,
} from './install/installedProject';

/** Installs from the registry (through one reused npm cache, or pnpm's store): minutes on a cold cache. */
const INSTALL_TIMEOUT_MS = 420_000;
const RUN_TIMEOUT_MS = 180_000;

let tarballDir: string;
let tarballs: string[];
const roots: string[] = [];

beforeAll(() => {
  tarballDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-tarballs-'));
  tarballs = packTarballs(tarballDir);
}, INSTALL_TIMEOUT_MS);

afterAll(() => {
  for (const dir of [tarballDir, ...roots]) fs.rmSync(dir, { recursive: true, force: true });
});

/** The checks every installed project passes, for one tracked run of `config` (else package.json#jest). */
function expectTracked(
  root: string,
  config?: string,
  manager: PackageManager = 'npm',
  via: 'jest' | 'perf:track' = 'jest',
): ReturnType<typeof trackedRun> {
  const tracked = trackedRun(root, config, manager, via);
  const { jest, tracked: recorded } = sideBySide(tracked, root);

  expect(recorded).toEqual(jest);
  expect(recorded.length).toBeGreaterThan(0);
  expect(tracked.run.files.every((file) => file.worker !== null)).toBe(true);
  expect(tracked.run.summary.hookMs).toBeGreaterThan(0);
  expect(tracked.stderr).not.toContain("ran without jest-perf's environment");
  return tracked;
}

function expectReportWorks(root: string): void {
  const report = run(root, 'npx', ['jest-perf', 'report']);
  expect(report).toContain('math');
  expect(run(root, 'npx', ['jest-perf', '--version']).trim()).toBe('0.1.0');
}

describe('installed with npm into a Jest 29.7 JavaScript project (babel-jest) @slow', () => {
  let root: string;
  const own = ['jest', 'babel-jest', 'jest-environment-jsdom'];
  let before: Record<string, string>;

  beforeAll(() => {
    root = createProject(
      'npm',
      { jest: '29.7.0', 'babel-jest': '29.7.0', 'jest-environment-jsdom': '29.7.0' },
      JEST29_FILES,
    );
    roots.push(root);
    before = ownVersions(root, 'npm', own);
    installJestPerf(root, 'npm', tarballs);
  }, INSTALL_TIMEOUT_MS);

  it("leaves the project's own jest, babel-jest and jest-environment-jsdom as they were", () => {
    expect(before).toEqual({ jest: '29.7.0', 'babel-jest': '29.7.0', 'jest-environment-jsdom': '29.7.0' });
    expect(ownVersions(root, 'npm', own)).toEqual(before);
  });

  it(
    "(a) withJestPerf around testEnvironment: 'node': every test tracked, hook time recorded, Jest 29's unreported times null",
    () => {
      const { run: tracked } = expectTracked(root, 'jest.config.js');

      expect(tracked.jestVersion).toBe('29.7.0');
      expect(tracked.tests.find((test) => test.title === 'adds')?.setupMs).toBeGreaterThan(0);
      expect(tracked.files.map((file) => [file.loadEnvironmentMs, file.setupMs])).toEqual([[null, null]]);
      expectReportWorks(root);
    },
    RUN_TIMEOUT_MS,
  );

  it(
    '(c) the preset with testEnvironmentOptions.jestPerf.base: jsdom wraps the jsdom environment',
    () => {
      expectTracked(root, 'jest.jsdom.config.js');
    },
    RUN_TIMEOUT_MS,
  );

  it(
    '(d) a multi-project config (node + jsdom) through withJestPerf: both projects tracked',
    () => {
      const { run: tracked } = expectTracked(root, 'jest.projects.config.js');

      expect(tracked.files.map((file) => file.path).sort()).toEqual(['test/dom.dom.test.js', 'test/math.test.js']);
    },
    RUN_TIMEOUT_MS,
  );

  it(
    "says once, with the fix, when the user's own testEnvironment replaces the preset's",
    () => {
      const config = path.join(root, 'jest.unwrapped.config.js');
      fs.writeFileSync(
        config,
        "module.exports = { preset: '@jest-perf/preset', testEnvironment: 'node', testMatch: ['<rootDir>/test/**/math.test.js'] };\n",
      );

      const { stderr } = trackedRun(root, config);

      expect(stderr.match(/ran without jest-perf's environment/g)).toHaveLength(1);
      expect(stderr).toContain('withJestPerf');
    },
    RUN_TIMEOUT_MS,
  );
});

describe("installed with pnpm into a Jest 30 + ts-jest project (preset: 'ts-jest') @slow", () => {
  let root: string;
  const own = ['jest', 'ts-jest', 'typescript'];
  let before: Record<string, string>;

  beforeAll(() => {
    root = createProject(
      'pnpm',
      { jest: '30.5.2', 'ts-jest': '29.4.15', typescript: '6.0.3', '@types/jest': '30.0.0' },
      JEST30_TS_FILES,
    );
    roots.push(root);
    before = ownVersions(root, 'pnpm', own);
    installJestPerf(root, 'pnpm', tarballs);
  }, INSTALL_TIMEOUT_MS);

  it("leaves the project's own jest, ts-jest and typescript as they were", () => {
    expect(before).toEqual({ jest: '30.5.2', 'ts-jest': '29.4.15', typescript: '6.0.3' });
    expect(ownVersions(root, 'pnpm', own)).toEqual(before);
  });

  it(
    "(b) withJestPerf keeps preset: 'ts-jest': every test tracked with hook time, and the CLI runs there",
    () => {
      const { run: tracked } = expectTracked(root, 'jest.config.js');

      expect(tracked.jestVersion).toBe('30.5.2');
      expect(tracked.files[0]?.loadEnvironmentMs).toEqual(expect.any(Number));
      expect(tracked.slowTestMs).toBe(250);
      expectReportWorks(root);
    },
    RUN_TIMEOUT_MS,
  );
});

describe("installed with Yarn 4 (Plug'n'Play) into a Jest 30 JavaScript project, wired by `yarn jest-perf init` @slow", () => {
  let root: string;
  const own = ['jest'];
  let before: Record<string, string>;

  beforeAll(() => {
    root = createProject('yarn', { jest: '30.5.2' }, JEST30_JS_FILES, { jest: { testEnvironment: 'node' } });
    roots.push(root);
    before = ownVersions(root, 'yarn', own);
    installJestPerf(root, 'yarn', tarballs);
  }, INSTALL_TIMEOUT_MS);

  it("leaves the project's own jest as it was", () => {
    expect(before).toEqual({ jest: '30.5.2' });
    expect(ownVersions(root, 'yarn', own)).toEqual(before);
  });

  it(
    "(e) init wires package.json#jest; the user's node environment is wrapped and found through Plug'n'Play",
    () => {
      const init = runManager(root, 'yarn', ['jest-perf', 'init']);
      expect(init).toContain('yarn jest-perf report');

      // Through the perf:track script init wrote (`jest-perf track`, Jest's arguments passed on): no JEST_PERF=1.
      const { stderr } = expectTracked(root, undefined, 'yarn', 'perf:track');

      // Advice names the command that works here: npx finds nothing without node_modules/.bin.
      expect(stderr).toContain('yarn jest-perf report');
      expect(stderr).not.toContain('npx jest-perf');
      expect(runManager(root, 'yarn', ['jest-perf', 'report'])).toContain('math');
    },
    RUN_TIMEOUT_MS,
  );
});
