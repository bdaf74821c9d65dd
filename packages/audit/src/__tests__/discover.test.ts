import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { discoverFiles, isTestFile } from '../discover';
import { AuditPathError } from '../errors';

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-audit-discover-'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

function write(...files: string[]): void {
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), '');
  }
}

const found = (paths?: string[]) =>
  discoverFiles(root, paths).map((file) => path.relative(root, file).split(path.sep).join('/'));

describe('isTestFile', () => {
  it.each([
    ['src/a.test.ts', true],
    ['src/a.spec.tsx', true],
    ['a.test.mjs', true],
    ['a.spec.cjs', true],
    ['src/__tests__/helpers/setup.ts', true],
    ['tests/fixtures/paths.ts', true],
    ['test/e2e/run.js', true],
    ['src/a.ts', false],
    ['src/a.test.d.ts', false],
    ['tests/README.md', false],
    ['tests/data.json', false],
    ['src/testing/a.ts', false],
  ])('%s → %s', (file, expected) => {
    expect(isTestFile(file)).toBe(expected);
  });
});

describe('discoverFiles', () => {
  it('finds the test files under the root, sorted, skipping dependencies, builds and dot folders', () => {
    write(
      'src/b.test.ts',
      'src/a.spec.js',
      'src/index.ts',
      'src/__tests__/helper.ts',
      'tests/unit/x.ts',
      'node_modules/pkg/a.test.js',
      'dist/a.test.js',
      'coverage/a.test.js',
      '.jest-perf/a.test.js',
      '.git/a.test.js',
      'packages/p/dist/__tests__/a.test.js',
    );

    expect(found()).toEqual(['src/__tests__/helper.ts', 'src/a.spec.js', 'src/b.test.ts', 'tests/unit/x.ts']);
  });

  it('searches only the given folders, and takes a given file as it is', () => {
    write('a/x.test.ts', 'b/y.test.ts', 'b/tool.ts');

    expect(found(['a', 'b/tool.ts'])).toEqual(['a/x.test.ts', 'b/tool.ts']);
    expect(found([path.join(root, 'b')])).toEqual(['b/y.test.ts']);
  });

  it('rejects a path that does not exist or is no source file', () => {
    write('notes.md');

    expect(() => discoverFiles(root, ['missing'])).toThrow(new AuditPathError('missing'));
    expect(() => discoverFiles(root, ['notes.md'])).toThrow('notes.md is not a JavaScript or TypeScript file');
  });
});
