import { DEFAULT_PROFILE_OPTIONS, type HookProfile, profileFixtures } from '../profileFixtures';
import { renderHookProfiles } from '../renderHookProfiles';
import { hookRun } from './helpers/hookRun';
import { makeFile, makeHook, makeRun } from './helpers/runs';
import { squeezed } from './helpers/tables';

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
