import * as fs from 'node:fs';
import { E2E_TIMEOUT_MS, expectExitCode, type JestRun, Project, removeProjects } from './harness';

/** A stack frame from jest-perf's own code. */
const OUR_STACK_FRAME = /^\s+at .*packages[/\\](core|reporter|environment|preset)[/\\]/m;

afterAll(removeProjects);

describe('an invalid jest-perf config', () => {
  let jestRun: JestRun;
  let project: Project;

  it(
    'fails Jest with a message naming the unknown key and the file, without our stack',
    async () => {
      project = new Project('simple', { files: { 'jest-perf.config.json': '{ "historySise": 3 }\n' } });
      jestRun = await project.runJest();
      expectExitCode(jestRun, 1);
      expect(jestRun.stderr).toContain("'historySise'");
      expect(jestRun.stderr).toContain(`${project.dir}/jest-perf.config.json`);
      expect(jestRun.stderr).toContain('Fix:');
      expect(jestRun.stderr).not.toMatch(OUR_STACK_FRAME);
      expect(jestRun.json).toBeNull();
      expect(fs.existsSync(project.perfDir)).toBe(false);
    },
    E2E_TIMEOUT_MS,
  );

  it(
    'names package.json#jestPerf when the config lives there',
    async () => {
      project = new Project('simple', {
        files: { 'package.json': `${JSON.stringify({ private: true, jestPerf: { historySize: 'ten' } })}\n` },
      });
      jestRun = await project.runJest();
      expectExitCode(jestRun, 1);
      expect(jestRun.stderr).toContain('/historySize');
      expect(jestRun.stderr).toContain(`${project.dir}/package.json#jestPerf`);
      expect(jestRun.stderr).not.toMatch(OUR_STACK_FRAME);
    },
    E2E_TIMEOUT_MS,
  );
});
