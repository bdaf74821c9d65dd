import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Where a project's Jest finds its own parts: the project itself, then the packages of the Jest it runs
 * (`jest` → `jest-cli` → `jest-config`, and `@jest/core`). Jest resolves `testEnvironment: 'node'` and its
 * default sequencer from jest-config, not from the project; strict installs (pnpm) hide those from the project.
 */
const JEST_CHAIN = [['jest'], ['jest', 'jest-cli'], ['jest', 'jest-cli', 'jest-config'], ['jest', '@jest/core']];

/** `@scope/name/sub/path` → `@scope/name`, `name/sub` → `name`. */
export function packageName(request: string): string {
  const parts = request.split('/');
  return (request.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1)).join('/');
}

/**
 * The real folder of package `name` as Node finds it from `from` (its node_modules, then its parents').
 * Walked by hand rather than with `require.resolve(…, { paths })`: under Jest's module registry (our
 * unit tests) that falls back to the caller's own folders and finds packages the project does not have.
 */
function findPackageDir(from: string, name: string): string | undefined {
  let dir = path.resolve(from);
  for (;;) {
    const candidate = path.join(dir, 'node_modules', name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return fs.realpathSync(candidate);
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function resolveFile(file: string): string | undefined {
  try {
    return require.resolve(file);
  } catch {
    return undefined;
  }
}

/** Packages of the Jest running in this process, which each depend on the parts Jest loads by default. */
const RUNNING_JEST = /^(.*[\\/]node_modules[\\/](?:jest-runner|jest-config|@jest[\\/]core))[\\/]/;

/**
 * The folders of the Jest packages this process has loaded (jest-runner in a worker, jest-config in the
 * main process): the Jest that is running us, even when the project's folder cannot see it (a Jest run
 * from another folder with `--rootDir`).
 */
function runningJestDirs(): string[] {
  const dirs = new Set<string>();
  for (const file of Object.keys(require.cache)) {
    const match = RUNNING_JEST.exec(file);
    if (match?.[1]) dirs.add(match[1]);
  }
  return [...dirs];
}

/**
 * The folders to resolve from, in order: `rootDir`, each package of the project's Jest found from it, then
 * the packages of the Jest running this process.
 */
export function jestSearchDirs(rootDir: string): string[] {
  const dirs = [rootDir];
  for (const chain of JEST_CHAIN) {
    let dir: string | undefined = rootDir;
    for (const name of chain) dir = dir === undefined ? undefined : findPackageDir(dir, name);
    if (dir !== undefined && !dirs.includes(dir)) dirs.push(dir);
  }
  for (const dir of runningJestDirs()) if (!dirs.includes(dir)) dirs.push(dir);
  return dirs;
}

/** What jest-perf uses of Yarn Plug'n'Play's runtime API (`require('pnpapi')`). */
export interface PnpResolver {
  /** The file `request` resolves to when required from `issuer` (a folder ends with `/`); throws when it does not. */
  resolveRequest(request: string, issuer: string): string | null;
}

/** Yarn's Plug'n'Play resolver when this process runs under it: such an install has no node_modules to walk. */
function pnpResolver(): PnpResolver | undefined {
  if (!process.versions.pnp) return undefined;
  try {
    return require('pnpapi') as PnpResolver;
  } catch {
    return undefined;
  }
}

/**
 * Under Plug'n'Play a package sees only its own dependencies: `request` as the project requires it, else as
 * a package of the running Jest does (jest-config and jest-runner depend on Jest's environments).
 */
function resolveWithPnp(pnp: PnpResolver, request: string, rootDir: string): string | undefined {
  for (const dir of [rootDir, ...runningJestDirs()]) {
    try {
      const found = pnp.resolveRequest(request, `${dir}${path.sep}`);
      if (found) return found;
    } catch {
      // not a dependency of this folder's package: try the next one
    }
  }
  return undefined;
}

/**
 * Resolves `request` (a package, `package/sub/path`, or a path relative to `rootDir`) the way the
 * project's own Jest would, or `undefined` when neither the project nor its Jest has it.
 * @param pnp Yarn Plug'n'Play's resolver, when the project is installed that way (found by default)
 */
export function resolveFromProject(
  request: string,
  rootDir: string,
  pnp: PnpResolver | undefined = pnpResolver(),
): string | undefined {
  if (request.startsWith('.') || path.isAbsolute(request)) return resolveFile(path.resolve(rootDir, request));
  if (pnp) return resolveWithPnp(pnp, request, rootDir);
  const name = packageName(request);
  for (const dir of jestSearchDirs(rootDir)) {
    const found = findPackageDir(dir, name);
    if (found !== undefined) return resolveFile(path.join(found, request.slice(name.length)));
  }
  return undefined;
}
