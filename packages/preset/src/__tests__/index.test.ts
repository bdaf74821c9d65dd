import * as fs from 'node:fs';
import * as path from 'node:path';
import { createPreset, reporters } from '../index';

const packagesDir = path.resolve(__dirname, '../../..');

function realPath(file: string): string {
  return fs.realpathSync(file);
}

describe('createPreset', () => {
  it("uses jest-perf's node environment by default, resolved to a file that exists", () => {
    const environment = createPreset().testEnvironment;

    expect(typeof environment).toBe('string');
    expect(realPath(environment as string)).toBe(path.join(packagesDir, 'environment', 'dist', 'node.js'));
  });

  it("hides jest-perf's data folder from Jest's haste map, and nothing else", () => {
    const patterns = createPreset().modulePathIgnorePatterns ?? [];
    // Jest puts the project's root in place of <rootDir>, then matches each module path.
    const ignored = (file: string) =>
      patterns.some((pattern) => new RegExp(pattern.replace('<rootDir>', '/repo')).test(file));

    expect(ignored('/repo/.jest-perf/runs/2026-11-24T17-00-00-000Z.json')).toBe(true);
    expect(ignored('/repo/.jest-perf/latest.json')).toBe(true);
    expect(ignored('/repo/src/jest-perf/config.json')).toBe(false);
    expect(ignored('/repo/src/a.jest-perf.json')).toBe(false);
  });

  it('rejects an environment it does not know, saying which ones it takes', () => {
    const options = { environment: 'happy-dom' } as unknown as Parameters<typeof createPreset>[0];

    expect(() => createPreset(options)).toThrow(/environment must be 'node' or 'jsdom', got "happy-dom"/);
  });

  it("uses jest-perf's jsdom environment when asked", () => {
    const environment = createPreset({ environment: 'jsdom' }).testEnvironment;

    expect(realPath(environment as string)).toBe(path.join(packagesDir, 'environment', 'dist', 'jsdom.js'));
  });

  it('uses the node environment for an explicit node option', () => {
    expect(createPreset({ environment: 'node' }).testEnvironment).toBe(createPreset().testEnvironment);
  });

  it('transforms TypeScript files with ts-jest', () => {
    const transform = createPreset().transform ?? {};
    const [pattern, entry] = Object.entries(transform)[0] ?? [];
    const regex = new RegExp(pattern ?? '$^');

    expect(Object.keys(transform)).toHaveLength(1);
    expect(['a.ts', 'b.tsx', 'c.mts', 'd.cts'].every((file) => regex.test(file))).toBe(true);
    expect(['a.js', 'a.ts.snap', 'a.json'].some((file) => regex.test(file))).toBe(false);
    expect(entry).toEqual([require.resolve('ts-jest'), {}]);
  });

  it('reports test locations, lists TypeScript first and includes the jest-perf reporter', () => {
    const preset = createPreset();

    expect(preset.testLocationInResults).toBe(false);
    expect(createPreset({ testLocations: true }).testLocationInResults).toBe(true);
    expect(preset.moduleFileExtensions?.[0]).toBe('ts');
    expect(preset.moduleFileExtensions).toEqual(expect.arrayContaining(['tsx', 'js', 'json']));
    expect(preset.reporters).toEqual(reporters());
  });
});

describe('createPreset sharding', () => {
  it('sets the duration-balanced shard sequencer from @jest-perf/parallel', () => {
    const sequencer = createPreset().testSequencer ?? '';
    expect(sequencer).toContain('parallel');
    expect(require(sequencer)).toHaveProperty('prototype.shard');
  });
});

describe('reporters', () => {
  it("keeps Jest's default reporter and adds jest-perf's, resolved to a file that exists", () => {
    const list = reporters() ?? [];

    expect(list).toHaveLength(2);
    expect(list[0]).toBe('default');
    expect(realPath(String(list[1]))).toBe(path.join(packagesDir, 'reporter', 'dist', 'index.js'));
  });
});
