import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { commandFor, installDevCommand, JEST_PERF_CLI, packageManagerOf, runScriptCommand } from '../command';

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

describe('packageManagerOf and its commands', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-pm-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it.each([
    ['pnpm-lock.yaml', 'pnpm', 'pnpm add -D jest-environment-jsdom', 'pnpm perf:check'],
    ['yarn.lock', 'yarn', 'yarn add -D jest-environment-jsdom', 'yarn perf:check'],
    ['bun.lock', 'bun', 'bun add -d jest-environment-jsdom', 'bun run perf:check'],
    ['package-lock.json', 'npm', 'npm i -D jest-environment-jsdom', 'npm run perf:check'],
  ])('reads %s as %s', (lock, manager, install, run) => {
    fs.writeFileSync(path.join(root, lock), '');
    expect(packageManagerOf(root)).toBe(manager);
    expect(installDevCommand(root, 'jest-environment-jsdom')).toBe(install);
    expect(runScriptCommand(root, 'perf:check')).toBe(run);
  });

  it('finds the lock file of the workspace a package of a monorepo is in', () => {
    fs.writeFileSync(path.join(root, 'pnpm-lock.yaml'), '');
    const pkg = path.join(root, 'packages', 'app');
    fs.mkdirSync(pkg, { recursive: true });
    expect(installDevCommand(pkg, 'jsdom')).toBe('pnpm add -D jsdom');
  });

  it('says npm without a lock file', () => {
    expect(packageManagerOf(root)).toBe('npm');
  });
});
