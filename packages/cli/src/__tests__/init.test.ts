import * as fs from 'node:fs';
import * as path from 'node:path';
import { initCommand } from '../commands/init';
import { cli, createProject, type TempProject } from './helpers/project';

let project: TempProject;
beforeEach(() => {
  project = createProject();
});
afterEach(() => project.remove());

const PKG = `${JSON.stringify({ name: 'app', scripts: { test: 'jest' } }, null, 2)}\n`;

/** Every file of the project and its text, to prove a call changed nothing. */
function snapshot(): Record<string, string> {
  return Object.fromEntries(fs.readdirSync(project.root).map((name) => [name, project.read(name)]));
}

const init = (...args: string[]) => cli(['init', ...args], project.root);

describe('init parse', () => {
  it('reads --dry-run', () => {
    expect(initCommand.parse({ root: '/p', 'dry-run': true })).toEqual({ root: '/p', dryRun: true });
    expect(initCommand.parse({ root: '/p' })).toEqual({ root: '/p', dryRun: false });
  });
});

describe('jest-perf init', () => {
  it('wires a CommonJS config, the .gitignore and the scripts, and names the next commands', async () => {
    project.write('package.json', PKG);
    project.write('jest.config.js', "module.exports = {\n  testEnvironment: 'node',\n};\n");
    project.write('.gitignore', 'node_modules/\n');
    project.write('pnpm-lock.yaml', '');
    const result = await init();
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(project.read('jest.config.js')).toBe(
      "const { withJestPerf } = require('@jest-perf/preset');\n\nmodule.exports = withJestPerf({\n  testEnvironment: 'node',\n});\n",
    );
    expect(JSON.parse(project.read('package.json')).scripts).toEqual({
      test: 'jest',
      'perf:track': 'jest-perf track',
      'perf:report': 'jest-perf report',
      'perf:baseline': 'jest-perf baseline --from-history 5',
      'perf:check': 'jest-perf check',
    });
    expect(project.read('.gitignore')).toContain('node_modules/\n\n# jest-perf');
    expect(result.out).toContain('jest.config.js: wrapped the exported config in withJestPerf(…) (line 1)');
    expect(result.out).toContain('pnpm perf:track');
    expect(result.out).toContain('npx jest-perf report');
    expect(result.out).toContain('then commit .jest-perf/baseline.json');
    expect(result.out).not.toMatch(/docs\/PERFORMANCE|perf:regression/);
  });

  it('is idempotent: a second run says already wired and changes nothing', async () => {
    project.write('package.json', PKG);
    project.write(
      'jest.config.ts',
      "import type { Config } from 'jest';\nconst config: Config = {};\nexport default config;\n",
    );
    expect((await init()).code).toBe(0);
    const before = snapshot();
    const second = await init();
    expect(second.code).toBe(0);
    expect(second.out).toContain('jest-perf is already wired into this project: nothing to change.');
    expect(second.out).toContain('jest.config.ts: already wired (line 4: withJestPerf(…))');
    expect(snapshot()).toEqual(before);
  });

  it('--dry-run prints a unified diff of every file and writes nothing', async () => {
    project.write('package.json', PKG);
    project.write('jest.config.mjs', 'export default { verbose: true };\n');
    const before = snapshot();
    const result = await init('--dry-run');
    expect(result.code).toBe(0);
    expect(snapshot()).toEqual(before);
    expect(result.out).toContain(
      '--- a/jest.config.mjs\n+++ b/jest.config.mjs\n@@ -1,1 +1,3 @@\n-export default { verbose: true };\n' +
        "+import { withJestPerf } from '@jest-perf/preset';\n+\n+export default withJestPerf({ verbose: true });\n",
    );
    expect(result.out).toContain('--- a/package.json\n+++ b/package.json');
    expect(result.out).toContain('+    "perf:track": "jest-perf track",');
    expect(result.out).toContain('--- /dev/null\n+++ b/.gitignore');
    expect(result.out).toContain('Dry run: 3 file(s) would change; nothing was written.');
  });

  it('refuses (exit 2) a config it cannot edit safely, prints the lines to add, and changes nothing', async () => {
    project.write('package.json', PKG);
    project.write('jest.config.js', 'module.exports = {};\nmodule.exports.reporters = ["default"];\n');
    const before = snapshot();
    const result = await init();
    expect(result.code).toBe(2);
    expect(snapshot()).toEqual(before);
    expect(result.err).toBe(
      [
        'jest-perf init: cannot edit jest.config.js safely: line 2 changes the exports after they are set. Nothing was changed.',
        'Add these lines by hand:',
        "  const { withJestPerf } = require('@jest-perf/preset');",
        '  module.exports = withJestPerf(/* the config you export now */);',
        'then run `npx jest-perf init` again to add the .gitignore lines and the perf:* scripts.',
      ].join('\n'),
    );
  });

  it('prints the import form for an ES module config it refuses', async () => {
    project.write('package.json', PKG);
    project.write('jest.config.js', 'const config = {};\nexport { config as default };\n');
    const result = await init();
    expect(result.code).toBe(2);
    expect(result.err).toContain("  import { withJestPerf } from '@jest-perf/preset';\n  export default withJestPerf(");
  });

  it('wires package.json#jest in place, keeping ts-jest, the layout and the user scripts', async () => {
    const pkg = {
      name: 'app',
      scripts: { 'perf:check': 'my-check' },
      jest: { preset: 'ts-jest', testEnvironment: 'node' },
    };
    project.write('package.json', `${JSON.stringify(pkg, null, 4)}\n`);
    const result = await init();
    expect(result.code).toBe(0);
    const text = project.read('package.json');
    expect(text).toMatch(/^\{\n {4}"name": "app",\n/);
    expect(text.endsWith('}\n')).toBe(true);
    const written = JSON.parse(text);
    expect(written.jest).toEqual({
      preset: 'ts-jest',
      testEnvironment: '@jest-perf/environment',
      testEnvironmentOptions: { jestPerf: { base: 'node' } },
      reporters: ['default', '@jest-perf/reporter'],
      modulePathIgnorePatterns: ['<rootDir>/\\.jest-perf/'],
    });
    expect(written.scripts['perf:check']).toBe('my-check');
    expect(result.out).toContain(
      'kept: package.json: kept your "perf:check": "my-check" (jest-perf\'s would be "jest-perf check")',
    );
    expect(result.out).toContain('npm run perf:track');
  });

  it('wires jest.config.json, and adds a Jest config to package.json when the project has none', async () => {
    project.write('package.json', PKG);
    project.write('jest.config.json', '{\n  "testEnvironment": "jsdom"\n}\n');
    expect((await init()).code).toBe(0);
    expect(JSON.parse(project.read('jest.config.json'))).toEqual({
      preset: '@jest-perf/preset',
      testEnvironment: '@jest-perf/environment',
      testEnvironmentOptions: { jestPerf: { base: 'jsdom' } },
    });
    fs.rmSync(path.join(project.root, 'jest.config.json'));
    const result = await init();
    expect(result.out).toContain(
      "package.json#jest (new: the project had no Jest config): preset: '@jest-perf/preset'",
    );
    expect(JSON.parse(project.read('package.json')).jest).toEqual({ preset: '@jest-perf/preset' });
  });

  it('refuses a JSON config with projects, printing the keys to add', async () => {
    project.write('package.json', `${JSON.stringify({ name: 'app', jest: { projects: [{}] } })}\n`);
    const result = await init();
    expect(result.code).toBe(2);
    expect(result.err).toContain('"reporters": ["default", "@jest-perf/reporter"],');
    expect(result.err).toContain('"testEnvironment": "@jest-perf/environment",');
    expect(result.err).toContain('"modulePathIgnorePatterns": ["<rootDir>/\\\\.jest-perf/"],');
  });

  it('takes the data folder and baseline from jest-perf.config.json for the .gitignore', async () => {
    project.write('package.json', PKG);
    project.write('jest-perf.config.json', '{ "dataDir": "perf-data", "baselinePath": "perf-data/ci/baseline.json" }');
    expect((await init()).code).toBe(0);
    expect(project.read('.gitignore')).toContain(
      'perf-data/*\n!perf-data/ci/\nperf-data/ci/*\n!perf-data/ci/baseline.json\n',
    );
  });

  it('fails with exit 2 and the fix when there is no package.json', async () => {
    const result = await init();
    expect(result.code).toBe(2);
    expect(result.err).toContain('no package.json in');
  });
});
