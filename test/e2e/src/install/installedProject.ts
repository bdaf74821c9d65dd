import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { RunFile } from '@jest-perf/core';
import { expectedStatus, type JestJson, jestTests, testKey } from '../harness';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');
/** One npm cache for every run of this test (a stable name: later runs install from it, not the network). */
// jest-perf-audit-allow shared-tmp-path: npm's cache (cacache) is safe for concurrent installs, and sharing it is the point
const NPM_CACHE = path.join(os.tmpdir(), 'jest-perf-e2e-npm-cache');
/** What a user installs: the preset and the CLI (npm finds their @jest-perf dependencies among the tarballs). */
const USER_PACKAGES = ['preset', 'cli', 'environment', 'reporter', 'core', 'regression', 'report', 'parallel', 'audit'];

export type PackageManager = 'npm' | 'pnpm';

/** Runs a command in `cwd`; throws with its output when it fails. */
export function run(cwd: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): string {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, npm_config_cache: NPM_CACHE, npm_config_fund: 'false', npm_config_audit: 'false', ...env },
    timeout: 300_000,
  });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed in ${cwd} (exit ${result.status}):\n${result.stdout}\n${result.stderr}`,
    );
  }
  return `${result.stdout}${result.stderr}`;
}

/** Packs every package into `dir` the way `pnpm pack:release` does; returns the user's tarballs' paths. */
export function packTarballs(dir: string): string[] {
  execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'packRelease.mjs'), '--out', dir], { stdio: 'pipe' });
  return USER_PACKAGES.map((name) => path.join(dir, `jest-perf-${name}-0.1.0.tgz`));
}

/** A project outside the workspace: `files` written, then its own dev dependencies installed. */
export function createProject(
  manager: PackageManager,
  devDependencies: Record<string, string>,
  files: Record<string, string>,
): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `jest-perf-install-${manager}-`));
  const manifest = { name: 'user-project', version: '1.0.0', private: true, devDependencies };
  fs.writeFileSync(path.join(root, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  // pnpm 12 stops at a dependency's build script it was not told about (jest 30's @parcel/watcher).
  if (manager === 'pnpm')
    fs.writeFileSync(path.join(root, 'pnpm-workspace.yaml'), "allowBuilds:\n  '@parcel/watcher': false\n");
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  run(root, manager, ['install']);
  return root;
}

/** The installed versions of the user's own Jest-side packages, as the package manager lists them. */
export function ownVersions(root: string, manager: PackageManager, names: string[]): Record<string, string> {
  const text = run(root, manager, ['ls', ...names, '--json', '--depth=0']);
  const parsed = JSON.parse(text) as unknown;
  const tree = (Array.isArray(parsed) ? parsed[0] : parsed) as {
    dependencies?: Record<string, { version: string }>;
    devDependencies?: Record<string, { version: string }>;
  };
  const all = { ...tree.dependencies, ...tree.devDependencies };
  return Object.fromEntries(names.map((name) => [name, all[name]?.version ?? 'missing']));
}

/**
 * Installs jest-perf from the tarballs, as the README says. npm finds the packages' dependencies on each
 * other among the tarballs given; pnpm looks them up on the registry, so pnpm users map them to the
 * tarballs with `overrides` in pnpm-workspace.yaml.
 */
export function installJestPerf(root: string, manager: PackageManager, tarballs: string[]): void {
  if (manager === 'npm') {
    run(root, 'npm', ['install', '-D', ...tarballs]);
    return;
  }
  const overrides = tarballs.map((file) => {
    const name = path.basename(file).replace(/^jest-perf-(.+)-\d+\.\d+\.\d+\.tgz$/, '@jest-perf/$1');
    return `  '${name}': 'file:${file}'`;
  });
  fs.appendFileSync(path.join(root, 'pnpm-workspace.yaml'), `overrides:\n${overrides.join('\n')}\n`);
  run(root, 'pnpm', ['add', '-D', ...tarballs.slice(0, 2)]);
}

export interface TrackedRun {
  run: RunFile;
  jest: JestJson;
  stderr: string;
}

/** One tracked Jest run of `config` with Jest's `--json` report beside it. */
export function trackedRun(root: string, config: string): TrackedRun {
  fs.rmSync(path.join(root, '.jest-perf'), { recursive: true, force: true });
  const out = path.join(root, 'jest.json');
  const result = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules', 'jest', 'bin', 'jest.js'), '--config', config, '--json', `--outputFile=${out}`],
    {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, JEST_PERF: '1', JEST_PERF_WORKER_DIR: '' },
      timeout: 120_000,
    },
  );
  if (result.status !== 0) throw new Error(`jest --config ${config} failed (exit ${result.status}):\n${result.stderr}`);
  const run = JSON.parse(fs.readFileSync(path.join(root, '.jest-perf', 'latest.json'), 'utf8')) as RunFile;
  return { run, jest: JSON.parse(fs.readFileSync(out, 'utf8')) as JestJson, stderr: result.stderr };
}

/** Each test as `file › describes › title` with its status: Jest's `--json` and the run file, sorted. */
export function sideBySide({ run, jest }: TrackedRun, root: string): { jest: string[]; tracked: string[] } {
  const real = fs.realpathSync(root);
  return {
    jest: jestTests(jest, real)
      .map((test) => `${testKey(test)} ${expectedStatus(test.status)}`)
      .sort(),
    tracked: run.tests.map((test) => `${testKey(test)} ${test.status}`).sort(),
  };
}
