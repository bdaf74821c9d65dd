import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { E2E_TIMEOUT_MS, expectExitCode, Project, removeProjects } from './harness';

/** The built CLI, run like a user would after the Jest runs. */
const CLI = path.resolve(__dirname, '../../../packages/cli/dist/bin.js');

afterAll(removeProjects);

function cli(project: Project, ...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args, '--root', project.dir], { encoding: 'utf8' });
}

describe('the regression gate on real Jest runs', () => {
  it(
    'passes unchanged code with random stalls, and names an injected slowdown of a test and of a hook',
    async () => {
      const project = new Project('gate');
      for (let i = 0; i < 4; i += 1) expectExitCode(await project.runJest(), 0);
      const baseline = cli(project, 'baseline', '--from-history', '4');
      expect(baseline.status).toBe(0);

      expectExitCode(await project.runJest(), 0);
      const clean = cli(project, 'check');
      // On failure, the message shows the whole output: what was flagged and why.
      expect(`exit ${clean.status}\n${clean.stdout}${clean.stderr}`).toMatch(
        /^exit 0\n[\s\S]*Performance check passed\./,
      );

      expectExitCode(await project.runJest({ env: { GATE_SLOW_TEST_MS: '300', GATE_SLOW_HOOK_MS: '300' } }), 0);
      const slow = cli(project, 'check');
      // The test computes: its CPU time is evidence even when the machine running the e2e is busy.
      expect(`exit ${slow.status}\n${slow.stdout}`).toMatch(/^exit 1\n/);
      expect(slow.stdout).toMatch(/^ {2}regressed {4}work\.test\.js › work › computes a report: CPU /m);
      // The hook is judged on wall time: failing on a quiet machine, named as unconfirmed on a busy one.
      expect(slow.stdout).toMatch(/^ {2}(regressed|unconfirmed) +work\.test\.js › beforeAll \(work\): /m);
      // The untouched file's random stalls may be named for a rerun on a busy machine, never failed.
      expect(slow.stdout).not.toMatch(/^ {2}regressed +tiny\.test\.js/m);
      expect(slow.stderr).toContain('Performance check FAILED');

      // The same comparison for tools: stdout is the JSON document alone, with the verdict the text named.
      const json = cli(project, 'check', '--format', 'json');
      expect(json.status).toBe(1);
      const report = JSON.parse(json.stdout) as {
        status: string;
        verdicts: { kind: string; entries: { subject: string; evidence: string }[] }[];
      };
      expect(report.status).toBe('failed');
      expect(report.verdicts[0]?.entries).toContainEqual(
        expect.objectContaining({ subject: 'work.test.js › work › computes a report', evidence: 'cpu' }),
      );
    },
    E2E_TIMEOUT_MS * 2,
  );
});
