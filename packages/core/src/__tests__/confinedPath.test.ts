import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { confinedPath, isInside, locateInside } from '../confinedPath';
import { JestPerfError } from '../errors';

let root: string;
let outside: string;

beforeEach(() => {
  const sandbox = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-confined-'));
  root = path.join(sandbox, 'project');
  outside = path.join(sandbox, 'elsewhere');
  fs.mkdirSync(path.join(root, 'src'), { recursive: true });
  fs.mkdirSync(outside);
  fs.writeFileSync(path.join(root, 'src', 'a.test.ts'), '');
  fs.writeFileSync(path.join(outside, 'secret.ts'), '');
});

afterEach(() => fs.rmSync(path.dirname(root), { recursive: true, force: true }));

const context = { what: 'test file', file: 'runs/r1.json', fix: 're-run Jest to record a fresh run' };

describe('confinedPath', () => {
  it('returns the absolute path of a file inside the folder, existing or not', () => {
    expect(confinedPath(root, 'src/a.test.ts', context)).toBe(path.join(root, 'src', 'a.test.ts'));
    expect(confinedPath(root, 'src/./b/../new.ts', context)).toBe(path.join(root, 'src', 'new.ts'));
  });

  it.each([
    ['a ../ escape', '../elsewhere/secret.ts', 'points outside'],
    ['a deep ../ escape', 'src/../../../../etc/passwd', 'points outside'],
    ['an absolute path', '/etc/passwd', 'is an absolute path'],
    ['a Windows absolute path', 'C:\\Windows\\system.ini', 'is an absolute path'],
    ['the folder itself', '.', 'the folder'],
    ['an empty path', '', 'is empty'],
    ['a NUL byte', 'src/a\0.ts', 'NUL byte'],
  ])('refuses %s with JEST_PERF_PATH_OUTSIDE, the file it came from and the fix', (_what, relative, why) => {
    let caught: unknown;
    try {
      confinedPath(root, relative, context);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(JestPerfError);
    expect(caught).toMatchObject({ code: 'JEST_PERF_PATH_OUTSIDE', file: 'runs/r1.json', fix: context.fix });
    expect((caught as Error).message).toContain(why);
    expect((caught as Error).message).toContain('Refusing the test file');
  });

  it('refuses a symlink inside the folder that leads out of it', () => {
    fs.symlinkSync(path.join(outside, 'secret.ts'), path.join(root, 'src', 'link.ts'));
    expect(() => confinedPath(root, 'src/link.ts', context)).toThrow(/is a symlink to .*secret\.ts/);
  });

  it('checks only lexically with followSymlinks: false (no file system access)', () => {
    fs.symlinkSync(path.join(outside, 'secret.ts'), path.join(root, 'src', 'link.ts'));
    const lexical = { ...context, followSymlinks: false };
    expect(confinedPath(root, 'src/link.ts', lexical)).toBe(path.join(root, 'src', 'link.ts'));
    expect(() => confinedPath(root, '../x', lexical)).toThrow(/points outside/);
  });

  it('accepts a folder reached through a symlink when the file stays inside it', () => {
    const linkedRoot = path.join(path.dirname(root), 'linked');
    fs.symlinkSync(root, linkedRoot);
    expect(locateInside(linkedRoot, 'src/a.test.ts')).toEqual({
      kind: 'inside',
      path: path.join(linkedRoot, 'src', 'a.test.ts'),
      exists: true,
    });
  });
});

describe('isInside', () => {
  it('tells a sibling whose name starts like the folder from a child', () => {
    expect(isInside('/a/b', '/a/b/c')).toBe(true);
    expect(isInside('/a/b', '/a/b')).toBe(true);
    expect(isInside('/a/b', '/a/bc')).toBe(false);
    expect(isInside('/a/b', '/a/..b')).toBe(false);
  });
});
