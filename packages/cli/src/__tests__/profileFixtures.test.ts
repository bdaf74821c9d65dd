import type { JestPerfError } from '@jest-perf/core';
import { DEFAULT_PROFILE_OPTIONS, type HookProfile, profileFixtures } from '../analysis/profileFixtures';
import { profileFixturesCommand, renderHookProfiles } from '../commands/profileFixtures';
import { cli, createProject, type TempProject } from './helpers/project';
import { makeFile, makeHook, makeRun, makeTest } from './helpers/runs';
import { squeezed } from './helpers/tables';

/** Four hooks: a shared slow beforeEach, a slow-per-test beforeEach, a costly beforeAll, a cheap afterEach. */
function hookRun() {
  return makeRun({
    tests: [makeTest({ title: 't', durationMs: 10 })],
    files: [
      makeFile({ path: 'src/cheap.test.ts', hooks: [makeHook({ type: 'afterEach', calls: 20, totalMs: 2_000 })] }),
      makeFile({
        path: 'src/slow.test.ts',
        hooks: [makeHook({ type: 'beforeEach', calls: 3, totalMs: 4_500, line: 5, describePath: ['db'] })],
      }),
      makeFile({
        path: 'src/shared.test.ts',
        hooks: [
          makeHook({ type: 'beforeEach', calls: 10, totalMs: 25_000, line: 9 }),
          makeHook({ type: 'beforeAll', calls: 1, totalMs: 8_000, line: 3 }),
        ],
      }),
    ],
  });
}

describe('profileFixtures', () => {
  it('ranks hooks by total cost', () => {
    const profiles = profileFixtures(hookRun());

    expect(profiles.map((p) => [p.file, p.type, p.totalMs])).toEqual([
      ['src/shared.test.ts', 'beforeEach', 25_000],
      ['src/shared.test.ts', 'beforeAll', 8_000],
      ['src/slow.test.ts', 'beforeEach', 4_500],
      ['src/cheap.test.ts', 'afterEach', 2_000],
    ]);
    expect(profiles[2]).toMatchObject({ describePath: ['db'], line: 5, calls: 3, averageMs: 1_500 });
    expect(profiles[3]?.line).toBeNull();
  });

  it('advises a wider scope for a beforeEach over 1 s, or shared by > 5 tests averaging > 2 s', () => {
    const advice = profileFixtures(hookRun()).map((p) => p.advice);

    expect(advice).toEqual([
      'runs for 10 tests at 2.50 s each: if what it builds is immutable, move it to beforeAll (file scope) or workerFixture (worker scope)',
      null,
      'takes 1.50 s per test: if what it builds is immutable, move it to beforeAll (file scope) or workerFixture (worker scope)',
      null,
    ]);
  });

  it.each([
    ['exactly 1 s per call', { calls: 2, totalMs: 2_000 }, null],
    ['5 calls at 2.5 s (not more than 5)', { calls: 5, totalMs: 12_500 }, 'takes 2.50 s per test'],
    ['6 calls at exactly 2 s', { calls: 6, totalMs: 12_000 }, 'takes 2.00 s per test'],
    ['6 calls at 2.1 s', { calls: 6, totalMs: 12_600 }, 'runs for 6 tests at 2.10 s each'],
    ['no calls', { calls: 0, totalMs: 0 }, null],
  ])('judges a beforeEach with %s', (_, hook, reason) => {
    const run = makeRun({
      tests: [],
      files: [makeFile({ path: 'a.test.ts', hooks: [makeHook({ type: 'beforeEach', ...hook })] })],
    });

    const [profile] = profileFixtures(run, DEFAULT_PROFILE_OPTIONS);

    expect(profile?.advice?.split(':')[0] ?? null).toBe(reason);
  });

  it('never advises on afterAll', () => {
    const run = makeRun({
      tests: [],
      files: [makeFile({ path: 'a.test.ts', hooks: [makeHook({ type: 'afterAll', calls: 1, totalMs: 9_000 })] })],
    });

    expect(profileFixtures(run)[0]?.advice).toBeNull();
  });
});

describe('renderHookProfiles', () => {
  it('says when no hooks were recorded', () => {
    expect(renderHookProfiles([])).toBe('_No hooks recorded (is the @jest-perf/environment in use?)._');
  });

  it('renders a table row per hook with its scope', () => {
    const rows = squeezed(renderHookProfiles(profileFixtures(hookRun()).slice(2, 3) as HookProfile[])).split('\n');

    expect(rows[0]).toBe('| hook | scope | calls | total | average | advice |');
    expect(rows[2]).toMatch(/^\| src\/slow\.test\.ts:5 \| db › beforeEach \| 3 \| 4\.50 s \| 1\.50 s \| takes 1\.50 s/);
  });
});

describe('jest-perf profile-fixtures', () => {
  let project: TempProject;
  beforeEach(() => {
    project = createProject();
  });
  afterEach(() => project.remove());

  it('parses its flags and rejects a bad --top or --format', () => {
    expect(profileFixturesCommand.parse({ root: '/p', format: 'json', top: 3 })).toEqual({
      root: '/p',
      run: undefined,
      format: 'json',
      top: 3,
    });
    expect(() => profileFixturesCommand.parse({ root: '/p', format: 'json', top: -3 })).toThrow(
      expect.objectContaining({ code: 'JEST_PERF_USAGE' }) as JestPerfError,
    );
    expect(() => profileFixturesCommand.parse({ root: '/p', format: 'csv', top: 3 })).toThrow(
      '--format must be one of',
    );
  });

  it('prints the ranking as markdown with advice', async () => {
    project.save(hookRun());

    const result = await cli(['profile-fixtures'], project.root);

    expect(result.code).toBe(0);
    const lines = squeezed(result.out).split('\n');
    expect(lines[0]).toBe('## Hook / fixture time');
    expect(lines.slice(4).map((line) => line.split(' | ')[0])).toEqual([
      '| src/shared.test.ts:9',
      '| src/shared.test.ts:3',
      '| src/slow.test.ts:5',
      '| src/cheap.test.ts',
    ]);
    expect(result.out).toContain('runs for 10 tests at 2.50 s each');
  });

  it('prints the top N as JSON', async () => {
    project.save(hookRun());

    const result = await cli(['profile-fixtures', '--format', 'json', '--top', '2'], project.root);

    const profiles = JSON.parse(result.out) as HookProfile[];
    expect(profiles).toEqual(profileFixtures(hookRun()).slice(0, 2));
  });

  it('fails with exit 2 without run data', async () => {
    expect((await cli(['profile-fixtures'], project.root)).code).toBe(2);
  });
});
