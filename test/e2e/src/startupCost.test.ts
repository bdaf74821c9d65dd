import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { resolveFromPreset } from './harness';

/**
 * Heavy modules a Jest process must not load just because jest-perf is configured: every worker
 * loads the environment, and tracking is off by default.
 */
const HEAVY = ['ajv', 'apache-arrow'];

/** Every file that requiring `entry` loads in a fresh Node process (in `cwd`, with `env` added), after `then` runs. */
function filesLoadedBy(entry: string, then: string, env: NodeJS.ProcessEnv, cwd = process.cwd()): string[] {
  const script = `
    const loaded = require(${JSON.stringify(entry)});
    ${then}
    process.stdout.write(JSON.stringify(Object.keys(require.cache)));
  `;
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  delete childEnv.NODE_PATH;
  return JSON.parse(
    execFileSync(process.execPath, ['-e', script], { cwd, env: childEnv, encoding: 'utf8' }),
  ) as string[];
}

/** Modules of HEAVY that requiring `entry` loads, tracking off, after `then` runs. */
function heavyModulesLoadedBy(entry: string, then = ''): string[] {
  const files = filesLoadedBy(entry, then, { JEST_PERF: '' });
  return HEAVY.filter((name) => files.some((file) => file.includes(`/node_modules/${name}/`)));
}

/** jest-perf's compiled files: in this repository, or installed. */
const JEST_PERF_FILE = /[\\/]packages[\\/][\w-]+[\\/]dist[\\/]|[\\/]node_modules[\\/]@jest-perf[\\/]/;

/** jest-perf's files that requiring `entry` loads, tracking on, in `cwd`, after `then` runs. */
function jestPerfFilesLoadedBy(entry: string, then: string, cwd: string): string[] {
  return filesLoadedBy(entry, then, { JEST_PERF: '1' }, cwd).filter((file) => JEST_PERF_FILE.test(file));
}

describe('startup cost', () => {
  let project: string;
  beforeEach(() => {
    project = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-startup-'));
  });
  afterEach(() => {
    fs.rmSync(project, { recursive: true, force: true });
  });

  // Resolving and loading each of its 32 modules cost 33 ms before the tests could start; bundled, 20 ms.
  it('a tracked reporter is one file: starting it loads no other jest-perf module', () => {
    const entry = resolveFromPreset('@jest-perf/reporter');
    const start =
      'const reporter = new loaded({ rootDir: process.cwd() }, undefined); reporter.onRunStart({ numTotalTestSuites: 1 });';
    expect(jestPerfFilesLoadedBy(entry, start, project)).toEqual([fs.realpathSync(entry)]);
  });

  // Each worker loads it before its first test file.
  it.each(['@jest-perf/environment', '@jest-perf/environment/node', '@jest-perf/environment/jsdom'])(
    '%s is one file',
    (request) => {
      const entry = resolveFromPreset(request);
      expect(jestPerfFilesLoadedBy(entry, '', project)).toEqual([fs.realpathSync(entry)]);
    },
  );

  it('loading the environment loads neither ajv nor apache-arrow (each worker would pay for them)', () => {
    expect(heavyModulesLoadedBy(resolveFromPreset('@jest-perf/environment'))).toEqual([]);
  });

  it('a reporter with tracking off loads neither', () => {
    const construct = 'new loaded({ rootDir: process.cwd() }, undefined);';
    expect(heavyModulesLoadedBy(resolveFromPreset('@jest-perf/reporter'), construct)).toEqual([]);
  });
});
