import * as fs from 'node:fs';
import { E2E_TIMEOUT_MS, expectExitCode, Project, removeProjects } from './harness';

afterAll(removeProjects);

describe('tracking off', () => {
  it.each([
    ['JEST_PERF unset', {}],
    ['JEST_PERF=0', { JEST_PERF: '0' }],
  ])(
    'writes nothing at all with %s',
    async (_name, env) => {
      const project = new Project('simple');
      const jestRun = await project.runJest({ tracked: false, env });
      expectExitCode(jestRun, 0);
      expect(jestRun.json!.numPassedTests).toBe(4);
      expect(fs.existsSync(project.perfDir)).toBe(false);
      expect(jestRun.stderr).not.toContain('jest-perf');
    },
    E2E_TIMEOUT_MS,
  );
});
