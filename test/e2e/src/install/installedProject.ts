import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { RunFile } from '@jest-perf/core';
import { expectedStatus, type JestJson, jestTests, testKey, withoutJestPerfEnv } from '../harness';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');
/** One npm cache for every run of this test (a stable name: later runs install from it, not the network). */
// jest-perf-audit-allow shared-tmp-path: npm's cache (cacache) is safe for concurrent installs, and sharing it is the point
const NPM_CACHE = path.join(os.tmpdir(), 'jest-perf-e2e-npm-cache');
/** What a user installs: the preset and the CLI (npm finds their @jest-perf dependencies among the tarballs). */
const USER_PACKAGES = ['preset', 'cli', 'environment', 'reporter', 'core', 'regression', 'report', 'parallel', 'audit'];

export type PackageManager = 'npm' | 'pnpm' | 'yarn';

/** Yarn 4 (Plug'n'Play by default), fetched by npx like a user without it installed would. */
const YARN = ['-y', '-p', '@yarnpkg/cli-dist@4.18.1', 'yarn'];
/** Under CI=true Yarn 4 refuses to write a lockfile; these projects are created fresh, lockfile and all. */
const YARN_ENV = { YARN_ENABLE_IMMUTABLE_INSTALLS: 'false', YARN_ENABLE_TELEMETRY: '0' };

/** Runs the package manager's command (`yarn` through npx) in `cwd`. */
export function runManager(cwd: string, manager: PackageManager, args: string[], env: NodeJS.ProcessEnv = {}): string {
  return manager === 'yarn'
    ? run(cwd, 'npx', [...YARN, ...args], { ...YARN_ENV, ...env })
    : run(cwd, manager, args, env);
}

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
  manifestFields: Record<string, unknown> = {},
): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `jest-perf-install-${manager}-`));
  const manifest = { name: 'user-project', version: '1.0.0', private: true, devDependencies, ...manifestFields };
  fs.writeFileSync(path.join(root, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  // pnpm 12 stops at a dependency's build script it was not told about (jest 30's @parcel/watcher).
  if (manager === 'pnpm')
    fs.writeFileSync(path.join(root, 'pnpm-workspace.yaml'), "allowBuilds:\n  '@parcel/watcher': false\n");
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  if (manager === 'yarn') fs.writeFileSync(path.join(root, 'yarn.lock'), ''); // the project's root for Yarn
  runManager(root, manager, ['install']);
  return root;
}

/** The installed versions of the user's own Jest-side packages, as the package manager lists them. */
export function ownVersions(root: string, manager: PackageManager, names: string[]): Record<string, string> {
  if (manager === 'yarn') return yarnVersions(root, names);
  const text = run(root, manager, ['ls', ...names, '--json', '--depth=0']);
  const parsed = JSON.parse(text) as unknown;
  const tree = (Array.isArray(parsed) ? parsed[0] : parsed) as {
    dependencies?: Record<string, { version: string }>;
    devDependencies?: Record<string, { version: string }>;
  };
  const all = { ...tree.dependencies, ...tree.devDependencies };
  return Object.fromEntries(names.map((name) => [name, all[name]?.version ?? 'missing']));
}

/** The versions `yarn info` gives the project's own dependencies `names` (one JSON object per line). */
function yarnVersions(root: string, names: string[]): Record<string, string> {
  const lines = runManager(root, 'yarn', ['info', ...names, '--json'])
    .trim()
    .split('\n');
  const versions: Record<string, string> = {};
  for (const line of lines) {
    const info = JSON.parse(line) as { value: string; children: { Version: string } };
    versions[info.value.slice(0, info.value.lastIndexOf('@'))] = info.children.Version;
  }
  return Object.fromEntries(names.map((name) => [name, versions[name] ?? 'missing']));
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
  if (manager === 'yarn') {
    // Yarn maps the packages to the tarballs with `resolutions`; Plug'n'Play lets the config name only the
    // project's own dependencies, so the environment and reporter are added beside the preset and CLI.
    const manifestFile = path.join(root, 'package.json');
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Record<string, unknown>;
    manifest.resolutions = Object.fromEntries(tarballs.map((file) => [packageOf(file), `file:${file}`]));
    fs.writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
    runManager(root, 'yarn', ['add', '-D', ...tarballs.slice(0, 4)]);
    return;
  }
  const overrides = tarballs.map((file) => `  '${packageOf(file)}': 'file:${file}'`);
  fs.appendFileSync(path.join(root, 'pnpm-workspace.yaml'), `overrides:\n${overrides.join('\n')}\n`);
  run(root, 'pnpm', ['add', '-D', ...tarballs.slice(0, 2)]);
}

/** `…/jest-perf-core-0.1.0.tgz` → `@jest-perf/core`. */
function packageOf(tarball: string): string {
  return path.basename(tarball).replace(/^jest-perf-(.+)-\d+\.\d+\.\d+\.tgz$/, '@jest-perf/$1');
}

export interface TrackedRun {
  run: RunFile;
  jest: JestJson;
  stderr: string;
}

/**
 * One tracked Jest run of `config` (else the project's own: package.json#jest) with Jest's `--json` report
 * beside it; under Yarn through `yarn jest`, as Plug'n'Play has no node_modules/jest to start. With
 * `via: 'perf:track'`, the project's own `perf:track` script (what `jest-perf init` wrote) runs it, with no
 * JEST_PERF in its environment: the script turns tracking on by itself, on any shell.
 */
export function trackedRun(
  root: string,
  config?: string,
  manager: PackageManager = 'npm',
  via: 'jest' | 'perf:track' = 'jest',
): TrackedRun {
  fs.rmSync(path.join(root, '.jest-perf'), { recursive: true, force: true });
  const out = path.join(root, 'jest.json');
  const jestArgs = [...(config ? ['--config', config] : []), '--json', `--outputFile=${out}`];
  const [command, args] = trackedRunCommand(root, manager, via, jestArgs);
  const result = spawnSync(command, args, {
    cwd: root,
    encoding: 'utf8',
    env: {
      ...withoutJestPerfEnv(),
      npm_config_cache: NPM_CACHE,
      ...(manager === 'yarn' ? YARN_ENV : {}),
      ...(via === 'jest' ? { JEST_PERF: '1' } : {}),
    },
    timeout: 120_000,
  });
  if (result.status !== 0)
    throw new Error(`jest --config ${config ?? 'package.json'} failed (exit ${result.status}):\n${result.stderr}`);
  const run = JSON.parse(fs.readFileSync(path.join(root, '.jest-perf', 'latest.json'), 'utf8')) as RunFile;
  return { run, jest: JSON.parse(fs.readFileSync(out, 'utf8')) as JestJson, stderr: result.stderr };
}

/** The command of {@link trackedRun}: Jest itself (`yarn jest` under Yarn), or the project's perf:track script. */
function trackedRunCommand(
  root: string,
  manager: PackageManager,
  via: 'jest' | 'perf:track',
  jestArgs: string[],
): [string, string[]] {
  const target = via === 'perf:track' ? 'perf:track' : 'jest';
  if (manager === 'yarn') return ['npx', [...YARN, target, ...jestArgs]];
  if (via === 'perf:track') return [manager, ['run', 'perf:track', '--', ...jestArgs]];
  return [process.execPath, [path.join(root, 'node_modules', 'jest', 'bin', 'jest.js'), ...jestArgs]];
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
