import { createTrackCommand } from '../commands/track';
import type { SpawnJest } from '../jest/runLanes';
import { runCli } from '../main';

interface Call {
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** A fake Jest: records each call and exits with `status`. */
function fakeJest(status = 0): { spawn: SpawnJest; calls: Call[] } {
  const calls: Call[] = [];
  return {
    calls,
    spawn: (args, { cwd, env }) => {
      calls.push({ args, cwd, env });
      return status;
    },
  };
}

const JEST = '/project/node_modules/jest/bin/jest.js';

async function track(argv: string[], spawn: SpawnJest, env: NodeJS.ProcessEnv = { PATH: '/bin' }) {
  const err: string[] = [];
  const io = { cwd: '/project', env, out: () => {}, err: (text: string) => err.push(text) };
  const code = await runCli(['track', ...argv], io, [
    createTrackCommand(spawn, (root) => `${root}/node_modules/jest/bin/jest.js`),
  ]);
  return { code, err: err.join('\n') };
}

describe('jest-perf track', () => {
  it("runs the project's Jest once with tracking on (JEST_PERF=1), whatever the shell", async () => {
    const jest = fakeJest();
    expect((await track([], jest.spawn)).code).toBe(0);
    expect(jest.calls).toEqual([{ args: [JEST], cwd: '/project', env: { PATH: '/bin', JEST_PERF: '1' } }]);
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
      cwd: '/project/packages/app',
      args: ['/project/packages/app/node_modules/jest/bin/jest.js'],
    });
  });
});
