import type { RunFile } from '@jest-perf/core';
import { E2E_TIMEOUT_MS, expectExitCode, type JestRun, Project, removeProjects } from './harness';

let jestRun: JestRun;
let run: RunFile;

beforeAll(async () => {
  const project = new Project('crash');
  jestRun = await project.runJest();
  expectExitCode(jestRun, 1);
  run = project.latest();
}, E2E_TIMEOUT_MS);

afterAll(removeProjects);

describe('a worker killed mid-run', () => {
  it('makes Jest fail the killed file without retrying it', () => {
    const killer = jestRun.json!.testResults.find((result) => result.name.endsWith('killer.test.js'))!;
    expect(killer.status).toBe('failed');
    expect(killer.assertionResults).toEqual([]);
    expect(killer.message).toMatch(/terminated .*SIGKILL/);
    expect(jestRun.json!.numRuntimeErrorTestSuites).toBe(1);
  });

  it('still writes the run file, marked incomplete with a reason naming the file', () => {
    expect(run.incomplete).toBe(true);
    expect(run.incompleteReasons).toHaveLength(1);
    expect(run.incompleteReasons[0]).toMatch(/^killer\.test\.js: .*SIGKILL/);
    expect(run.files.find((file) => file.path === 'killer.test.js')).toMatchObject({ execError: true, hooks: [] });
    expect(jestRun.stderr).toContain('(incomplete: 1 problem(s))');
  });

  it("keeps every test of the other files, with their workers' records", () => {
    expect(run.tests.map((test) => test.id).sort()).toEqual(
      [1, 2, 3].flatMap((n) => [
        `survivor-${n}.test.js › survivor ${n} runs`,
        `survivor-${n}.test.js › survivor ${n} runs again`,
      ]),
    );
    expect(run.tests.every((test) => test.status === 'passed')).toBe(true);
    expect(run.tests.every((test) => test.worker === 1 || test.worker === 2)).toBe(true);
    expect(jestRun.json!.numTotalTests).toBe(run.tests.length);
  });
});
