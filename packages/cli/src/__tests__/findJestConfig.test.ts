import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findJestConfig, readPackageJson } from '../init/findJestConfig';

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-find-'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const write = (name: string, text = ''): string => {
  fs.writeFileSync(path.join(root, name), text);
  return path.join(root, name);
};

describe('findJestConfig', () => {
  it.each(['js', 'cjs', 'mjs', 'ts', 'cts', 'mts'])('finds jest.config.%s', (ext) => {
    const file = write(`jest.config.${ext}`);
    expect(findJestConfig(root, {})).toEqual({ kind: 'js', file });
  });

  it('finds jest.config.json and package.json#jest', () => {
    const file = write('jest.config.json', '{}');
    expect(findJestConfig(root, {})).toEqual({ kind: 'json', file });
    fs.rmSync(file);
    expect(findJestConfig(root, { jest: {} })).toEqual({ kind: 'package-json', file: path.join(root, 'package.json') });
  });

  it('follows package.json#jest when it names a config file', () => {
    const file = write('jest.ci.js');
    expect(findJestConfig(root, { jest: './jest.ci.js' })).toEqual({ kind: 'js', file });
    expect(() => findJestConfig(root, { jest: './gone.js' })).toThrow('package.json#jest names ./gone.js');
  });

  it('says there is no config when Jest would run on its defaults', () => {
    expect(findJestConfig(root, { name: 'x' })).toEqual({ kind: 'none', file: path.join(root, 'package.json') });
  });

  it('refuses several configs, as Jest does', () => {
    write('jest.config.js');
    write('jest.config.ts');
    expect(() => findJestConfig(root, { jest: {} })).toThrow(
      /multiple Jest configurations found:\n {2}\* .*jest\.config\.js\n {2}\* .*jest\.config\.ts\n {2}\* `jest` key in .*package\.json/,
    );
  });
});

describe('readPackageJson', () => {
  it('says what to do when there is no package.json', () => {
    expect(() => readPackageJson(root)).toThrow(
      /no package\.json in .*\n {2}Fix: run `npx jest-perf init` in your project root/,
    );
  });

  it.each([
    ['{', 'package.json is not valid JSON'],
    ['[]', 'package.json does not hold a JSON object'],
  ])('refuses %j', (text, message) => {
    write('package.json', text);
    expect(() => readPackageJson(root)).toThrow(message);
  });
});
