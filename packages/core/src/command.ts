import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * How the user runs a jest-perf command in their project, as messages and advice write it: `npx jest-perf`,
 * or `yarn jest-perf` under Yarn Plug'n'Play, which has no `node_modules/.bin` for npx to find the command in.
 */
export function commandFor(bin: string, versions: NodeJS.ProcessVersions = process.versions): string {
  return `${versions.pnp ? 'yarn' : 'npx'} ${bin}`;
}

/** The CLI as this project runs it: `npx jest-perf` (`yarn jest-perf` under Plug'n'Play). */
export const JEST_PERF_CLI = commandFor('jest-perf');

/** How messages tell the user to record a tracked run: `JEST_PERF=1 npx jest` on any shell (Windows' cmd too). */
export const TRACK_RUN = `${JEST_PERF_CLI} track`;

/** The fix of every "no performance data" error. */
export const TRACK_FIRST_FIX = `track a run first: ${TRACK_RUN}`;

/** Tracked runs a baseline is best built from: enough to see each test's noise, few enough to have soon. */
export const BASELINE_RUNS = 5;

/** How messages tell the user to build the baseline: `npx jest-perf baseline --from-history 5`. */
export const BUILD_BASELINE = `${JEST_PERF_CLI} baseline --from-history ${BASELINE_RUNS}`;

export type PackageManager = 'npm' | 'pnpm' | 'yarn' | 'bun';

/** Lock files, in the order they are looked for in each folder. */
const LOCK_FILES: readonly (readonly [string, PackageManager])[] = [
  ['pnpm-lock.yaml', 'pnpm'],
  ['yarn.lock', 'yarn'],
  ['bun.lock', 'bun'],
  ['bun.lockb', 'bun'],
  ['package-lock.json', 'npm'],
  ['npm-shrinkwrap.json', 'npm'],
];

/**
 * The package manager of the project at `root`, from the nearest lock file in it or a folder above (a package
 * of a monorepo has its workspace's); npm when there is none.
 */
export function packageManagerOf(root: string): PackageManager {
  for (let dir = path.resolve(root); ; dir = path.dirname(dir)) {
    for (const [file, manager] of LOCK_FILES) if (fs.existsSync(path.join(dir, file))) return manager;
    if (path.dirname(dir) === dir) return 'npm';
  }
}

/** The command that adds `pkg` to the project's devDependencies, as its package manager writes it. */
export function installDevCommand(root: string, pkg: string): string {
  const manager = packageManagerOf(root);
  if (manager === 'npm') return `npm i -D ${pkg}`;
  return `${manager} add ${manager === 'bun' ? '-d' : '-D'} ${pkg}`;
}

/** The command that runs a `package.json` script of the project, as its package manager writes it. */
export function runScriptCommand(root: string, script: string): string {
  const manager = packageManagerOf(root);
  return manager === 'pnpm' || manager === 'yarn' ? `${manager} ${script}` : `${manager} run ${script}`;
}
