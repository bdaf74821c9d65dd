import type { JestPerfError } from '@jest-perf/core';
import { type HookProfile, profileFixtures } from '@jest-perf/report';
import { hookRun } from '../../../report/src/__tests__/helpers/hookRun';
import { squeezed } from '../../../report/src/__tests__/helpers/tables';
import { profileFixturesCommand } from '../commands/profileFixtures';
import { cli, createProject, type TempProject } from './helpers/project';

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
