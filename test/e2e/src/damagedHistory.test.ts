// jest-perf-audit-allow child-process: one CLI child at a time with a 200 MB heap, the very thing under test
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readHistory } from '@jest-perf/core';
import { arrowSpots, overwrite } from '../../../packages/core/src/__tests__/helpers/arrowSpots';
import { E2E_TIMEOUT_MS, expectExitCode, Project, removeProjects } from './harness';

/** The built CLI, run like a user would after the Jest run. */
const CLI = path.resolve(__dirname, '../../../packages/cli/dist/bin.js');
/** A line of a stack trace, as Node prints it. */
const STACK_FRAME = /^\s+at .+[(:]/m;

afterAll(removeProjects);

/**
 * The damage: each kind of count or length in the metadata (footer, blocks, message headers, field
 * nodes, buffers) set to a huge value, and byte flips spread over the whole file, body included.
 */
function damages(valid: Buffer): { what: string; bytes: Buffer }[] {
  const kinds = new Map<string, { what: string; bytes: Buffer }>();
  for (const spot of arrowSpots(valid)) {
    const kind = spot.what.replace(/\d+/g, 'N');
    if (!kinds.has(kind)) kinds.set(kind, { what: `${spot.what} = huge`, bytes: overwrite(valid, spot, 'huge') });
  }
  const flips = Array.from({ length: 12 }, (_, i) => {
    const at = Math.floor(((i + 0.5) * valid.length) / 12);
    const bytes = Buffer.from(valid);
    bytes[at] = (bytes[at] ?? 0) ^ 0xff;
    return { what: `byte ${at} flipped`, bytes };
  });
  return [...kinds.values(), ...flips];
}

describe('a damaged history index', () => {
  it(
    'never crashes report or check with a 200 MB heap: each exits 0 (history rebuilt) or 2 with a clear message',
    async () => {
      const project = new Project('simple');
      expectExitCode(await project.runJest(), 0);
      expectExitCode(await project.runJest(), 0);
      // GITHUB_STEP_SUMMARY: check reads the history for the summary's trends only on GitHub Actions.
      const env = { ...process.env, GITHUB_STEP_SUMMARY: path.join(project.perfDir, '..', 'summary.md') };
      const cli = (...args: string[]) =>
        spawnSync(process.execPath, ['--max-old-space-size=200', CLI, ...args, '--root', project.dir], {
          encoding: 'utf8',
          timeout: 60_000,
          env,
        });
      expect(cli('baseline', '--from-history', '2').status).toBe(0);
      const valid = fs.readFileSync(project.paths.history);
      const runIds = readHistory(project.paths.history).runs.map((run) => run.runId);

      const outcomes = damages(valid).map(({ what, bytes }, i) => {
        fs.writeFileSync(project.paths.history, bytes);
        const args = i % 2 === 0 ? ['report'] : ['check', '--last', '2'];
        const result = cli(...args);
        const survived = result.status === 0 || result.status === 2;
        // Every command that read the history rebuilt it: the index reads again, with every run. (Not
        // read after a crash: the damaged file would take this test's process down too.)
        const rebuilt = survived ? readHistory(project.paths.history).runs.map((run) => run.runId) : [];
        const notice = result.stderr.split('\n').find((line) => /history/.test(line)) ?? '';
        return {
          what,
          command: args[0],
          code: survived ? 'exit 0 or 2' : `exit ${result.status} ${result.signal}`,
          stack: STACK_FRAME.test(result.stderr),
          runsKept: rebuilt.join() === runIds.join(),
          notice: notice === '' || /^jest-perf: the history was unreadable; moved it to .+ and rebuilt it/.test(notice),
        };
      });

      expect(outcomes.length).toBeGreaterThan(25);
      for (const outcome of outcomes) {
        expect(outcome).toEqual({ ...outcome, code: 'exit 0 or 2', stack: false, runsKept: true, notice: true });
      }
      const aside = fs.readdirSync(project.perfDir).filter((name) => name.startsWith('history.arrow.corrupt-'));
      expect(aside.length).toBeGreaterThan(0);
    },
    E2E_TIMEOUT_MS * 3,
  );
});
