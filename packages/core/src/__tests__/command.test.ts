import { commandFor, JEST_PERF_CLI } from '../command';

describe('commandFor', () => {
  it('names the command with npx, which finds it in node_modules/.bin (npm, pnpm, Yarn 1)', () => {
    expect(commandFor('jest-perf', { ...process.versions, pnp: undefined })).toBe('npx jest-perf');
  });

  it("names it with yarn under Yarn Plug'n'Play, where there is no node_modules/.bin for npx", () => {
    expect(commandFor('jest-perf-cache-clear', { ...process.versions, pnp: '3' })).toBe('yarn jest-perf-cache-clear');
  });

  it("is npx jest-perf in this process (no Plug'n'Play)", () => {
    expect(JEST_PERF_CLI).toBe('npx jest-perf');
  });
});
