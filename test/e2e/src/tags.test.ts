import * as fs from 'node:fs';
import type { RunFile } from '@jest-perf/core';
import { E2E_TIMEOUT_MS, expectExitCode, type JestRun, jestTests, Project, removeProjects } from './harness';

/** Every test of fixtures/tags by id, with the tags it must carry. */
const EXPECTED_TAGS: Record<string, string[]> = {
  'tagged.test.js › queries › reads a row': ['serial', 'db', 'integration'],
  'tagged.test.js › queries › scans the table': ['serial', 'db', 'integration', 'slow'],
  'tagged.test.js › connects': ['serial', 'db'],
  'plain.test.js › is quick': [],
  'plain.test.js › is long': ['slow'],
  'plain.test.js › mentions @someone mid-title': [],
  'plain.test.js › slow block › inherits the tag': ['slow'],
  'slow-file.test.js › is slow because of its file': ['slow'],
};

const ids = Object.keys(EXPECTED_TAGS).sort();
const idsTagged = (tag: string) => ids.filter((id) => EXPECTED_TAGS[id]!.includes(tag));

function statusesById(run: RunFile): Record<string, string> {
  return Object.fromEntries(run.tests.map((test) => [test.id, test.status]));
}

function expectedStatuses(skipped: string[]): Record<string, string> {
  return Object.fromEntries(ids.map((id) => [id, skipped.includes(id) ? 'skipped' : 'passed']));
}

const runs: Partial<
  Record<'all' | 'skipSlow' | 'onlyIntegration' | 'fastUntracked', { project: Project; jestRun: JestRun }>
> = {};

beforeAll(async () => {
  const start = async (name: keyof typeof runs, env: Record<string, string>, tracked = true) => {
    const project = new Project('tags');
    runs[name] = { project, jestRun: await project.runJest({ env, tracked }) };
  };
  await Promise.all([
    start('all', {}),
    start('skipSlow', { JEST_PERF_SKIP_TAGS: 'slow' }),
    start('onlyIntegration', { JEST_PERF_ONLY_TAGS: '@integration' }),
    // What `pnpm test:fast` does: filter without tracking.
    start('fastUntracked', { JEST_PERF_SKIP_TAGS: 'slow' }, false),
  ]);
  for (const { jestRun } of Object.values(runs)) expectExitCode(jestRun, 0);
}, E2E_TIMEOUT_MS);

afterAll(removeProjects);

describe('tags', () => {
  it('records title tags, describe tags and docblock file tags, and strips them from ids', () => {
    const run = runs.all!.project.latest();
    expect(Object.fromEntries(run.tests.map((test) => [test.id, test.tags]))).toEqual(EXPECTED_TAGS);
    expect(run.files.find((file) => file.path === 'tagged.test.js')?.tags).toEqual(['serial', 'db']);
    expect(run.files.find((file) => file.path === 'plain.test.js')?.tags).toEqual([]);
    expect(Object.values(statusesById(run)).every((status) => status === 'passed')).toBe(true);
  });

  it('JEST_PERF_SKIP_TAGS=slow skips exactly the slow tests and still records them', () => {
    const run = runs.skipSlow!.project.latest();
    expect(statusesById(run)).toEqual(expectedStatuses(idsTagged('slow')));
  });

  it('skips tests as they are defined, so a describe block of skipped tests runs no beforeAll', () => {
    const slowBlockCalls = (run: RunFile) =>
      run.files.find((file) => file.path === 'plain.test.js')?.hooks.find((hook) => hook.type === 'beforeAll')?.calls;
    expect(slowBlockCalls(runs.all!.project.latest())).toBe(1);
    expect(slowBlockCalls(runs.skipSlow!.project.latest())).toBe(0);
  });

  it('JEST_PERF_ONLY_TAGS keeps only the tests with that tag', () => {
    const run = runs.onlyIntegration!.project.latest();
    const notIntegration = ids.filter((id) => !EXPECTED_TAGS[id]!.includes('integration'));
    expect(statusesById(run)).toEqual(expectedStatuses(notIntegration));
  });

  it('filters by tag without tracking, writing nothing (pnpm test:fast)', () => {
    const { project, jestRun } = runs.fastUntracked!;
    const skipped = jestTests(jestRun.json!, project.dir)
      .filter((test) => test.status === 'pending')
      .map((test) => test.title)
      .sort();
    expect(skipped).toEqual([
      'inherits the tag',
      'is long @slow',
      'is slow because of its file',
      'scans the table @slow',
    ]);
    expect(jestRun.json!.numTotalTests).toBe(ids.length);
    expect(fs.existsSync(project.perfDir)).toBe(false);
  });
});
