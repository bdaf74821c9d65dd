#!/usr/bin/env node
// Bundles the entries Jest loads in every tracked run (the reporter in Jest's main process, the environment
// in each worker) into one file each, with the jest-perf modules they use (core's included). Node resolved and
// loaded 32 files for the reporter (10 ms of resolving alone, 33 ms to a started reporter) and 21 for the
// environment (18 ms in each worker) before Jest could start the tests; one file each takes 20 and 7 ms
// (README, "Choices that differ from the design card"). Other packages (Jest's, ajv) stay `require`s, so each
// must be a dependency or peer of the package: under pnpm a package sees only those. Runs after `tsc -b`
// (`pnpm build`), from its output.
import * as fs from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Entries by package: `dist/<entry>.js` is bundled into `dist/bundle/<entry>.js`, which package.json names. */
export const BUNDLED_ENTRIES = {
  reporter: ['index'],
  environment: ['node', 'nodeOnly', 'jsdom'],
};

/** Modules the runtime provides, not a package: Yarn Plug'n'Play's API (core's jestModule asks for it). */
const PROVIDED_AT_RUNTIME = new Set(['pnpapi', ...builtinModules]);

/** The package a bare import names (`@scope/name/sub` → `@scope/name`). */
function packageOf(request) {
  const parts = request.split('/');
  return (request.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1)).join('/');
}

/** jest-perf's own packages go into the bundle; any other package stays a `require` of the user's copy. */
function externalsOutsideJestPerf(external) {
  return {
    name: 'externals-outside-jest-perf',
    setup(bundler) {
      bundler.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.path.startsWith('node:') || args.path.startsWith('@jest-perf/')) return undefined;
        external.add(packageOf(args.path));
        return { path: args.path, external: true };
      });
    },
  };
}

async function bundlePackage(name, entries) {
  const dir = path.join(root, 'packages', name);
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const external = new Set();
  const outdir = path.join(dir, 'dist', 'bundle');
  fs.rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: entries.map((entry) => path.join(dir, 'dist', `${entry}.js`)),
    outdir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    // The oldest Node jest-perf supports (package.json engines).
    target: 'node20',
    // tsc's output is CommonJS: each module keeps its own scope in the bundle, so no name is changed.
    // Mapped back to the TypeScript sources through tsc's own maps.
    sourcemap: 'linked',
    logLevel: 'warning',
    plugins: [externalsOutsideJestPerf(external)],
  });
  const declared = new Set(
    [manifest.dependencies, manifest.peerDependencies].flatMap((deps) => Object.keys(deps ?? {})),
  );
  const undeclared = [...external].filter((pkg) => !declared.has(pkg) && !PROVIDED_AT_RUNTIME.has(pkg));
  if (undeclared.length > 0) {
    throw new Error(
      `packages/${name}: the bundle requires ${undeclared.join(', ')}, which package.json does not declare. ` +
        'Fix: add them to its dependencies (or peerDependencies for Jest-side packages).',
    );
  }
}

for (const [name, entries] of Object.entries(BUNDLED_ENTRIES)) await bundlePackage(name, entries);
