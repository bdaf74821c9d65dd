import * as fs from 'node:fs';
import * as path from 'node:path';
import { createPreset, reporters } from '../index';
import { JEST_DEFAULT_TRANSFORM_IGNORE_PATTERNS } from '../linkedInstall';

const packagesDir = path.resolve(__dirname, '../../..');
const presetDir = path.resolve(__dirname, '../..');

function realPath(file: string): string {
  return fs.realpathSync(file);
}

describe('createPreset', () => {
  it("sets only jest-perf's environment, its reporter beside Jest's default, and hides its data folder", () => {
    const preset = createPreset();

    // transformIgnorePatterns: jest-perf is linked in this workspace (see the next test).
    expect(Object.keys(preset).sort()).toEqual([
      'modulePathIgnorePatterns',
      'reporters',
      'testEnvironment',
      'transformIgnorePatterns',
    ]);
    expect(realPath(preset.testEnvironment as string)).toBe(
      path.join(packagesDir, 'environment', 'dist', 'bundle', 'node.js'),
    );
    expect(preset.reporters).toEqual(reporters());
  });

  it("linked from this workspace, keeps Jest's transformIgnorePatterns and adds its environment's folder", () => {
    const preset = createPreset();
    const jsdom = createPreset({ environment: 'jsdom' });
    const ignored = (patterns: string[] | undefined, file: string) =>
      (patterns ?? []).some((pattern) => new RegExp(pattern).test(file));

    expect(preset.transformIgnorePatterns?.slice(0, 2)).toEqual(JEST_DEFAULT_TRANSFORM_IGNORE_PATTERNS);
    expect(ignored(preset.transformIgnorePatterns, preset.testEnvironment as string)).toBe(true);
    expect(ignored(jsdom.transformIgnorePatterns, jsdom.testEnvironment as string)).toBe(true);
    expect(ignored(preset.transformIgnorePatterns, path.join(presetDir, 'src', 'index.ts'))).toBe(false);
  });

  it("adds no transform and keeps Jest's default moduleFileExtensions (babel-jest and jsx/node stay)", () => {
    const preset = createPreset();

    expect(preset.transform).toBeUndefined();
    expect(preset.moduleFileExtensions).toBeUndefined();
  });

  it("hides jest-perf's data folder from Jest's haste map, and nothing else", () => {
    const patterns = createPreset().modulePathIgnorePatterns ?? [];
    const ignored = (file: string) =>
      patterns.some((pattern) => new RegExp(pattern.replace('<rootDir>', '/repo')).test(file));

    expect(ignored('/repo/.jest-perf/runs/2026-11-24T17-00-00-000Z.json')).toBe(true);
    expect(ignored('/repo/src/jest-perf/config.json')).toBe(false);
    expect(ignored('/repo/src/a.jest-perf.json')).toBe(false);
  });

  it("uses jest-perf's jsdom entry when asked", () => {
    const environment = createPreset({ environment: 'jsdom' }).testEnvironment;

    expect(realPath(environment as string)).toBe(path.join(packagesDir, 'environment', 'dist', 'bundle', 'jsdom.js'));
  });

  it('rejects an environment or a transform it does not know, saying which ones it takes', () => {
    const bad = (options: unknown) => () => createPreset(options as Parameters<typeof createPreset>[0]);

    expect(bad({ environment: 'happy-dom' })).toThrow(/environment must be 'node' or 'jsdom', got "happy-dom"/);
    expect(bad({ transform: 'babel' })).toThrow(/transform must be 'ts-jest' or left out, got "babel"/);
  });

  it("adds ts-jest for TypeScript files with transform: 'ts-jest'", () => {
    const transform = createPreset({ transform: 'ts-jest' }).transform ?? {};
    const [pattern, entry] = Object.entries(transform)[0] ?? [];
    const regex = new RegExp(pattern ?? '$^');

    expect(['a.ts', 'b.tsx', 'c.mts', 'd.cts'].every((file) => regex.test(file))).toBe(true);
    expect(['a.js', 'a.jsx', 'a.json'].some((file) => regex.test(file))).toBe(false);
    expect(entry).toEqual([require.resolve('ts-jest'), {}]);
  });
});

describe('the preset files Jest loads', () => {
  it("'@jest-perf/preset' is createPreset() and '@jest-perf/preset/ts-jest' adds ts-jest to it", () => {
    const plain = require(path.join(presetDir, 'jest-preset.js'));
    const withTsJest = require(path.join(presetDir, 'ts-jest', 'jest-preset.js'));

    expect(plain).toEqual(createPreset());
    expect(withTsJest).toEqual(createPreset({ transform: 'ts-jest' }));
  });

  it('are exported where Jest resolves presets (<name>/jest-preset)', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(presetDir, 'package.json'), 'utf8'));

    expect(manifest.exports['./jest-preset']).toBe('./jest-preset.js');
    expect(manifest.exports['./ts-jest/jest-preset']).toBe('./ts-jest/jest-preset.js');
    expect(manifest.files).toEqual(expect.arrayContaining(['jest-preset.js', 'ts-jest']));
  });
});

describe('reporters', () => {
  it("keeps Jest's default reporter and adds jest-perf's, resolved to a file that exists", () => {
    const list = reporters() ?? [];

    expect(list).toHaveLength(2);
    expect(list[0]).toBe('default');
    expect(realPath(String(list[1]))).toBe(path.join(packagesDir, 'reporter', 'dist', 'bundle', 'index.js'));
  });
});
