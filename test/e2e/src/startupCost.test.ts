import { execFileSync } from 'node:child_process';
import { resolveFromPreset } from './harness';

/**
 * Heavy modules a Jest process must not load just because jest-perf is configured: every worker
 * loads the environment, and tracking is off by default.
 */
const HEAVY = ['ajv', 'apache-arrow'];

/** Modules of HEAVY that requiring `entry` (in a fresh Node process) loads, after `then` runs. */
function heavyModulesLoadedBy(entry: string, then = ''): string[] {
  const script = `
    const loaded = require(${JSON.stringify(entry)});
    ${then}
    const heavy = ${JSON.stringify(HEAVY)};
    const files = Object.keys(require.cache);
    process.stdout.write(JSON.stringify(heavy.filter((name) => files.some((f) => f.includes('/node_modules/' + name + '/')))));
  `;
  const env: NodeJS.ProcessEnv = { ...process.env, JEST_PERF: '' };
  delete env.NODE_PATH;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { env, encoding: 'utf8' })) as string[];
}

describe('startup cost', () => {
  it('loading the environment loads neither ajv nor apache-arrow (each worker would pay for them)', () => {
    expect(heavyModulesLoadedBy(resolveFromPreset('@jest-perf/environment'))).toEqual([]);
  });

  it('a reporter with tracking off loads neither', () => {
    const construct = 'new loaded({ rootDir: process.cwd() }, undefined);';
    expect(heavyModulesLoadedBy(resolveFromPreset('@jest-perf/reporter'), construct)).toEqual([]);
  });
});
