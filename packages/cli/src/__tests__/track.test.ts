import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createTrackCommand } from '../commands/track';
import type { SpawnJest } from '../jest/runLanes';
import { runCli } from '../main';

interface Call {
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** What the reporter does at the end of a tracked run: replaces `<root>/.jest-perf/latest.json` (atomically). */
function recordRun(root: string): void {
  const latest = path.join(root, '.jest-perf', 'latest.json');
  fs.mkdirSync(path.dirname(latest), { recursive: true });
  fs.writeFileSync(`${latest}.tmp`, '{"runId":"new"}');
  fs.renameSync(`${latest}.tmp`, latest);
}

/** A fake Jest: records each call, then a run (unless `records` is false), and exits with `status`. */
function fakeJest(status = 0, records = true): { spawn: SpawnJest; calls: Call[] } {
  const calls: Call[] = [];
  return {
    calls,
    spawn: (args, { cwd, env }) => {
      calls.push({ args, cwd, env });
      if (records) recordRun(cwd);
      return status;
    },
  };
}

const PROJECT = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-track-'));
const JEST = `${PROJECT}/node_modules/jest/bin/jest.js`;

async function track(argv: string[], spawn: SpawnJest, env: NodeJS.ProcessEnv = { PATH: '/bin' }) {
  const err: string[] = [];
  const io = { cwd: PROJECT, env, out: () => {}, err: (text: string) => err.push(text) };
  const code = await runCli(['track', ...argv], io, [
    createTrackCommand(spawn, (root) => `${root}/node_modules/jest/bin/jest.js`),
  ]);
  return { code, err: err.join('\n') };
}

describe('jest-perf track', () => {
  it("runs the project's Jest once with tracking on (JEST_PERF=1), whatever the shell", async () => {
    const jest = fakeJest();
    expect((await track([], jest.spawn)).code).toBe(0);
    expect(jest.calls).toEqual([{ args: [JEST], cwd: PROJECT, env: { PATH: '/bin', JEST_PERF: '1' } }]);
  });

  it('passes every argument after `track` to Jest as it is: options jest-perf does not know, paths, after --', async () => {
    const jest = fakeJest();
    await track(['--maxWorkers=2', 'src/math', '-t', 'adds', '--ci', '--', '--json'], jest.spawn);
    expect(jest.calls[0]?.args).toEqual([JEST, '--maxWorkers=2', 'src/math', '-t', 'adds', '--ci', '--json']);
  });

  it('keeps option values that look like numbers as the user wrote them', async () => {
    const jest = fakeJest();
    await track(['--maxWorkers', '50%', '--testTimeout', '010'], jest.spawn);
    expect(jest.calls[0]?.args.slice(1)).toEqual(['--maxWorkers', '50%', '--testTimeout', '010']);
  });

  it('asks Jest for its version, not jest-perf, after track (rather than a whole run without the flag)', async () => {
    const jest = fakeJest();
    await track(['--version'], jest.spawn);
    expect(jest.calls[0]?.args).toEqual([JEST, '--version']);
  });

  it("exits with Jest's result: 1 when tests failed", async () => {
    expect((await track([], fakeJest(1).spawn)).code).toBe(1);
  });

  it('turns tracking on over a JEST_PERF=0 left in the environment', async () => {
    const jest = fakeJest();
    await track([], jest.spawn, { JEST_PERF: '0' });
    expect(jest.calls[0]?.env.JEST_PERF).toBe('1');
  });

  it('runs Jest in --root when given', async () => {
    const jest = fakeJest();
    await track(['--root', 'packages/app'], jest.spawn);
    expect(jest.calls[0]).toMatchObject({
      cwd: `${PROJECT}/packages/app`,
      args: [`${PROJECT}/packages/app/node_modules/jest/bin/jest.js`],
    });
  });
});

/** A project folder with a Jest config, and a fake Jest that records a run the way the reporter does (latest.json). */
function projectWith(config: string | null): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-track-'));
  fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'app', scripts: { test: 'jest' } }));
  if (config !== null) fs.writeFileSync(path.join(root, 'jest.config.js'), config);
  return root;
}

async function trackIn(root: string, argv: string[], spawn: SpawnJest, env: NodeJS.ProcessEnv = { PATH: '/bin' }) {
  const err: string[] = [];
  const io = { cwd: root, env, out: () => {}, err: (text: string) => err.push(text) };
  const code = await runCli(['track', ...argv], io, [createTrackCommand(spawn, () => 'jest.js')]);
  return { code, err: err.join('\n') };
}

describe('jest-perf track when no run is recorded', () => {
  const unwired = "module.exports = { testEnvironment: 'node' };\n";
  const wired =
    "const { withJestPerf } = require('@jest-perf/preset');\nmodule.exports = withJestPerf({ testEnvironment: 'node' });\n";

  it('fails with the fix (init) when the Jest config does not use jest-perf: Jest ran, nothing was tracked', async () => {
    const root = projectWith(unwired);
    const { code, err } = await trackIn(root, [], fakeJest(0, false).spawn);
    expect(code).toBe(2);
    expect(err).toContain('no run was recorded');
    expect(err).toContain('jest.config.js does not use jest-perf');
    expect(err).toContain('npx jest-perf init');
  });

  it('names the config it read: package.json#jest, or none at all', async () => {
    const inPackage = projectWith(null);
    fs.writeFileSync(path.join(inPackage, 'package.json'), JSON.stringify({ name: 'app', jest: { verbose: true } }));
    expect((await trackIn(inPackage, [], fakeJest(0, false).spawn)).err).toContain(
      'no run was recorded: package.json#jest does not use jest-perf.',
    );
    const none = projectWith(null);
    expect((await trackIn(none, [], fakeJest(0, false).spawn)).err).toContain(
      'no run was recorded: this project has no Jest config, so it does not use jest-perf.',
    );
  });

  it('says nothing when the run was recorded (latest.json replaced)', async () => {
    const root = projectWith(wired);
    fs.mkdirSync(path.join(root, '.jest-perf'));
    fs.writeFileSync(path.join(root, '.jest-perf', 'latest.json'), '{"runId":"old"}');
    const { code, err } = await trackIn(root, [], fakeJest(0).spawn);
    expect({ code, err }).toEqual({ code: 0, err: '' });
  });

  it("keeps Jest's failure (1) and still says nothing was recorded", async () => {
    const root = projectWith(unwired);
    const { code, err } = await trackIn(root, [], fakeJest(1, false).spawn);
    expect(code).toBe(1);
    expect(err).toContain('no run was recorded');
  });

  it('names what else stops the reporter when the config is wired (a --reporters option, no tests found)', async () => {
    const root = projectWith(wired);
    const { code, err } = await trackIn(root, ['--reporters=default'], fakeJest(0, false).spawn);
    expect(code).toBe(2);
    expect(err).toContain('no run was recorded');
    expect(err).toContain('--reporters');
    expect(err).not.toContain('does not use jest-perf');
  });

  it.each([['--listTests'], ['--showConfig'], ['--clearCache'], ['--help'], ['--watch'], ['--watchAll=true']])(
    'expects no run after %s (Jest runs no test, or runs until stopped)',
    async (flag) => {
      const root = projectWith(unwired);
      expect(await trackIn(root, [flag], fakeJest(0, false).spawn)).toEqual({ code: 0, err: '' });
    },
  );

  it('expects no run in latest.json when JEST_PERF_OUTPUT sends it to a side file', async () => {
    const root = projectWith(unwired);
    const env = { PATH: '/bin', JEST_PERF_OUTPUT: path.join(root, 'side.json') };
    expect(await trackIn(root, [], fakeJest(0, false).spawn, env)).toEqual({ code: 0, err: '' });
  });
});
