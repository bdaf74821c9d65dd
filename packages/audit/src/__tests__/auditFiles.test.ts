import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { auditFiles } from '../audit';
import { relativeImports, resolveRelative } from '../helpers';
import { parseSource } from '../parse';
import { code } from './helpers/audit';

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-audit-files-'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), code(text));
}

describe('auditFiles', () => {
  it('audits the test files under the root, following relative imports to helpers that restore', () => {
    write('tests/fixtures/paths.ts', "export const LOG_DIR = '/tmp/test_logs';");
    write(
      'src/__tests__/helpers/env.ts',
      'export function useEnv() { afterEach(() => { delete process.env.MODE; }); }',
    );
    write(
      'src/__tests__/restored.test.ts',
      "import { useEnv } from './helpers/env';\nuseEnv();\nit('x', () => { process.env.MODE = 'a'; });",
    );
    write('src/leaky.test.tsx', "it('x', () => { process.env.MODE = 'a'; });");
    write('src/clean.spec.js', "it('x', () => { expect(1).toBe(1); });");
    write('src/index.ts', "export const DIR = '/tmp/not-a-test-file';");

    const result = auditFiles({ root });

    expect(result.root).toBe(root);
    expect(result.scannedFiles).toBe(5);
    expect(result.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.rule}`)).toEqual([
      'src/leaky.test.tsx:1:17 env-write-without-restore',
      'tests/fixtures/paths.ts:1:24 shared-tmp-path',
    ]);
    expect(result.allowed).toEqual([]);
  });

  it('audits only the given paths', () => {
    write('a/one.test.ts', "const dir = '/tmp/a';");
    write('b/two.test.ts', "const dir = '/tmp/b';");

    const result = auditFiles({ root, paths: ['b'] });

    expect(result.scannedFiles).toBe(1);
    expect(result.findings.map((f) => f.file)).toEqual(['b/two.test.ts']);
  });

  it('scans a suite of many clean files in nested folders without findings', () => {
    const body = code(`
      import * as fs from 'node:fs';
      import * as os from 'node:os';
      import * as path from 'node:path';
      import { render } from '../src/render';

      let dir: string;
      beforeEach(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), 'x-'));
      });
      afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

      describe('render', () => {
        it.each([
          ['a', 1],
          ['b', 2],
        ])('renders %s', (name, count) => {
          const out = render({ name, count, dir });
          fs.writeFileSync(path.join(dir, 'out.html'), out);
          expect(out).toContain(name);
        });
      });
    `);
    for (let i = 0; i < 30; i += 1) {
      fs.mkdirSync(path.join(root, 'tests', `g${i % 10}`), { recursive: true });
      fs.writeFileSync(path.join(root, 'tests', `g${i % 10}`, `f${i}.test.ts`), body.repeat(4));
    }

    const result = auditFiles({ root });

    // The speed of a scan is measured by `pnpm bench:audit`, not asserted here.
    expect(result.scannedFiles).toBe(30);
    expect(result.findings).toEqual([]);
  });
});

describe('helpers', () => {
  it('lists the relative modules a file imports or requires at its top level', () => {
    const source = parseSource(
      'a.test.ts',
      code(`
        import { a } from './a';
        import * as fs from 'node:fs';
        export { b } from '../b';
        import c = require('./c');
        const d = require('./d');
        const e = require('e');
        function later() { return require('./f'); }
      `),
    );

    expect(relativeImports(source)).toEqual(['./a', '../b', './c', './d']);
  });

  it('resolves a relative module the way TypeScript does', () => {
    write('src/a.ts', '');
    write('src/lib/index.js', '');
    write('src/data.json', '');
    const from = path.join(root, 'src', 'x.test.ts');

    expect(resolveRelative(from, './a')).toBe(path.join(root, 'src', 'a.ts'));
    expect(resolveRelative(from, './a.js')).toBe(path.join(root, 'src', 'a.ts'));
    expect(resolveRelative(from, './lib')).toBe(path.join(root, 'src', 'lib', 'index.js'));
    expect(resolveRelative(from, './data.json')).toBeUndefined();
    expect(resolveRelative(from, './missing')).toBeUndefined();
  });
});
