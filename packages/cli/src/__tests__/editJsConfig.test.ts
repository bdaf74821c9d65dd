import { editJsConfig } from '../init/editJsConfig';

/** The edited text, failing the test with the refusal reason when there is none. */
function edited(text: string, typescript = false): string {
  const edit = editJsConfig(text, typescript);
  if (edit.kind !== 'edited') throw new Error(`expected an edit, got ${JSON.stringify(edit)}`);
  return edit.text;
}

function refusal(text: string, typescript = false): string {
  const edit = editJsConfig(text, typescript);
  if (edit.kind !== 'refused') throw new Error(`expected a refusal, got ${JSON.stringify(edit)}`);
  return edit.reason;
}

describe('editJsConfig: the config shapes it wraps', () => {
  it('wraps module.exports = {…} and keeps the @type comment on the export', () => {
    const text = "/** @type {import('jest').Config} */\nmodule.exports = {\n  testEnvironment: 'node', // mine\n};\n";
    expect(edited(text)).toBe(
      "const { withJestPerf } = require('@jest-perf/preset');\n\n" +
        "/** @type {import('jest').Config} */\nmodule.exports = withJestPerf({\n  testEnvironment: 'node', // mine\n});\n",
    );
  });

  it('wraps an exported identifier and adds the require after the existing ones', () => {
    const text =
      "'use strict';\nconst base = require('./jest.base');\n\nconst config = { ...base, verbose: true };\nmodule.exports = config;\n";
    expect(edited(text)).toBe(
      "'use strict';\nconst base = require('./jest.base');\nconst { withJestPerf } = require('@jest-perf/preset');\n\n" +
        'const config = { ...base, verbose: true };\nmodule.exports = withJestPerf(config);\n',
    );
  });

  it('puts the require below "use strict" when there are no other requires', () => {
    const text = '"use strict";\n\nmodule.exports = { verbose: true }\n';
    expect(edited(text)).toBe(
      '"use strict";\n\nconst { withJestPerf } = require("@jest-perf/preset")\n\nmodule.exports = withJestPerf({ verbose: true })\n',
    );
  });

  it('keeps a header comment that a blank line separates above the import', () => {
    const text = '// Jest config of the api package.\n\nexport default {\n  verbose: true,\n};\n';
    expect(edited(text)).toBe(
      "// Jest config of the api package.\n\nimport { withJestPerf } from '@jest-perf/preset';\n\n" +
        'export default withJestPerf({\n  verbose: true,\n});\n',
    );
  });

  it('keeps a @jest-config-loader docblock first (Jest reads it only at the top)', () => {
    const text = "/** @jest-config-loader esbuild-register */\nexport default { testEnvironment: 'jsdom' };\n";
    expect(edited(text, true)).toBe(
      "/** @jest-config-loader esbuild-register */\nimport { withJestPerf } from '@jest-perf/preset';\n\n" +
        "export default withJestPerf({ testEnvironment: 'jsdom' });\n",
    );
  });

  it('wraps export default defineConfig(…) after the imports', () => {
    const text =
      "import { defineConfig } from 'jest';\nimport base from './base.mjs'; // shared\n\nexport default defineConfig({ ...base });\n";
    expect(edited(text)).toBe(
      "import { defineConfig } from 'jest';\nimport base from './base.mjs'; // shared\n" +
        "import { withJestPerf } from '@jest-perf/preset';\n\nexport default withJestPerf(defineConfig({ ...base }));\n",
    );
  });

  it('wraps a function config (async arrow)', () => {
    const text = 'module.exports = async () => {\n  return { verbose: true };\n};\n';
    expect(edited(text)).toContain('module.exports = withJestPerf(async () => {\n  return { verbose: true };\n});\n');
  });

  it('wraps an anonymous default function declaration as an expression', () => {
    const text = 'export default async function () {\n  return {};\n}\n';
    expect(edited(text)).toContain('export default withJestPerf(async function () {\n  return {};\n})\n');
  });

  it('wraps the TS shape: const config: Config = {…}; export default config;', () => {
    const text =
      "import type { Config } from 'jest';\n\nconst config: Config = {\n  preset: 'ts-jest',\n};\n\nexport default config;\n";
    expect(edited(text, true)).toBe(
      "import type { Config } from 'jest';\nimport { withJestPerf } from '@jest-perf/preset';\n\n" +
        "const config: Config = {\n  preset: 'ts-jest',\n};\n\nexport default withJestPerf(config);\n",
    );
  });

  it('wraps `{…} satisfies Config` whole', () => {
    const text = "import type { Config } from 'jest';\nexport default { verbose: true } satisfies Config;\n";
    expect(edited(text, true)).toContain('export default withJestPerf({ verbose: true } satisfies Config);\n');
  });

  it('changes no byte outside the import line and the two wrap points', () => {
    const text = "const a = require('a');\r\n\r\nmodule.exports = {\r\n\ta: a,   // odd spacing\r\n}\r\n";
    const out = edited(text);
    expect(
      out.replace("\nconst { withJestPerf } = require('@jest-perf/preset')", '').replace('withJestPerf(', ''),
    ).toBe(text.replace('}\r\n', '})\r\n'));
  });
});

describe('editJsConfig: a withJestPerf import the user added but does not use yet', () => {
  it.each([
    "const { withJestPerf } = require('@jest-perf/preset');\nmodule.exports = { verbose: true };\n",
    "import { withJestPerf } from '@jest-perf/preset';\nexport default { verbose: true };\n",
  ])('wraps the export and adds no second import: %j', (text) => {
    const out = edited(text);
    expect(out.match(/@jest-perf\/preset/g)).toHaveLength(1);
    expect(out).toContain('withJestPerf({ verbose: true });\n');
  });
});

describe('editJsConfig: already wired', () => {
  it.each([
    ["const { withJestPerf } = require('@jest-perf/preset');\nmodule.exports = withJestPerf({});\n", 'withJestPerf(…)'],
    ["module.exports = { preset: '@jest-perf/preset' };\n", "'@jest-perf/preset'"],
    ["export default { reporters: ['default', '@jest-perf/reporter'] };\n", "'@jest-perf/reporter'"],
    ['const config = withJestPerf({});\nexport default config;\n', 'withJestPerf'],
  ])('leaves %j alone', (text, what) => {
    const edit = editJsConfig(text, false);
    expect(edit.kind).toBe('wired');
    expect(edit.kind === 'wired' && edit.what).toContain(what);
  });
});

describe('editJsConfig: refuses what it cannot edit safely', () => {
  it.each([
    ['module.exports.testEnvironment = "node";\n', 'line 1 builds the exports piece by piece'],
    ['const config = {};\n', 'found no `module.exports = …` or `export default …`'],
    ['if (process.env.CI) {\n  module.exports = { ci: true };\n}\n', 'line 2 sets module.exports inside a block'],
    [
      'module.exports = {};\nmodule.exports.reporters = ["default"];\n',
      'line 2 changes the exports after they are set',
    ],
    [
      'module.exports = {};\nObject.assign(module.exports, { a: 1 });\n',
      'line 2 changes the exports after they are set',
    ],
    ['module.exports = { a: 1 };\nmodule.exports = { b: 2 };\n', 'exported 2 times (lines 1, 2)'],
    [
      'const config = {};\nmodule.exports = config;\nconfig.verbose = true;\n',
      'line 3 changes `config` after it is exported',
    ],
    ['const config = {};\nexport { config as default };\n', 'export { … as default }'],
    ['export default function config() {\n  return {};\n}\n', 'a named function or a class'],
    ['module.exports = {\n', 'it does not parse'],
  ])('refuses %j', (text, reason) => {
    expect(refusal(text)).toContain(reason);
  });

  it('refuses TS `export =`', () => {
    expect(refusal('const config = {};\nexport = config;\n', true)).toContain('`export =`');
  });
});
