import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { E2E_TIMEOUT_MS, expectExitCode, Project, removeProjects } from './harness';

/** The built CLI, run like a user would after the Jest runs. */
const CLI = path.resolve(__dirname, '../../../packages/cli/dist/bin.js');

afterAll(removeProjects);

function cli(project: Project, args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [CLI, ...args, '--root', project.dir], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
}

/** The slowdowns the test injects: 300 ms more CPU work in one test and in one beforeAll. */
const SLOW = { GATE_SLOW_TEST_MS: '300', GATE_SLOW_HOOK_MS: '300' };

describe('the regression gate on real Jest runs', () => {
  it(
    'passes unchanged code with random stalls, and names an injected slowdown of a test and of a hook',
    async () => {
      const project = new Project('gate');
      for (let i = 0; i < 4; i += 1) expectExitCode(await project.runJest(), 0);
      const baseline = cli(project, ['baseline', '--from-history', '4']);
      expect(baseline.status).toBe(0);

      expectExitCode(await project.runJest(), 0);
      const clean = cli(project, ['check']);
      // On failure, the message shows the whole output: what was flagged and why.
      expect(`exit ${clean.status}\n${clean.stdout}${clean.stderr}`).toMatch(
        /^exit 0\n[\s\S]*Performance check passed\./,
      );

      expectExitCode(await project.runJest({ env: SLOW }), 0);
      const slow = cli(project, ['check']);
      // One run: the slowed test is named. It fails the check on its CPU time when the baseline saw it compute;
      // a baseline recorded on a busy machine can see it wait (5 ms of CPU in 400 ms of wall time), and one run
      // of a waiting test is no evidence: it is named for a rerun, as the check then says.
      expect([0, 1]).toContain(slow.status);
      expect(slow.stdout).toMatch(/^ {2}(regressed|unconfirmed) +work\.test\.js › work › computes a report: /m);
      // The hook is judged on wall time: failing on a quiet machine, named as unconfirmed on a busy one.
      expect(slow.stdout).toMatch(/^ {2}(regressed|unconfirmed) +work\.test\.js › beforeAll \(work\): /m);
      // The untouched file's random stalls may be named for a rerun on a busy machine, never failed.
      expect(slow.stdout).not.toMatch(/^ {2}regressed +tiny\.test\.js/m);

      // The rerun the check advises, with the slowdown still in the code: the test's CPU time fails it, busy or not.
      const confirmed = cli(project, ['check', '--confirm', '2'], SLOW);
      expect(`exit ${confirmed.status}\n${confirmed.stdout}`).toMatch(/^exit 1\n/);
      expect(confirmed.stdout).toMatch(/^ {2}regressed {4}work\.test\.js › work › computes a report: CPU /m);
      expect(confirmed.stdout).not.toMatch(/^ {2}regressed +tiny\.test\.js/m);
      expect(confirmed.stderr).toContain('Performance check FAILED');

      // The same comparison for tools: stdout is the JSON document alone, with the verdicts the text named.
      const json = cli(project, ['check', '--format', 'json']);
      expect(json.status).toBe(slow.status);
      const report = JSON.parse(json.stdout) as {
        status: string;
        verdicts: { kind: string; entries: { subject: string }[] }[];
      };
      expect(report.status).toBe(slow.status === 1 ? 'failed' : 'passed');
      const kindOf = (subject: string) =>
        report.verdicts.find((list) => list.entries.some((entry) => entry.subject === subject))?.kind;
      const textKind = /^ {2}(\w+) +work\.test\.js › work › computes a report: /m.exec(slow.stdout)?.[1];
      expect(kindOf('work.test.js › work › computes a report')).toBe(textKind);
    },
    E2E_TIMEOUT_MS * 2,
  );
});
