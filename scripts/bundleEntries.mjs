#!/usr/bin/env node
// Bundles the entries Jest loads in every tracked run (the reporter in Jest's main process, the environment
// in each worker) into one file each, with the jest-perf modules they use (core's included). Node resolved and
// loaded 32 files for the reporter (10 ms of resolving alone, 33 ms to a started reporter) and 21 for the
// environment (18 ms in each worker) before Jest could start the tests; one file each takes 20 and 7 ms
// (README, "Choices that differ from the design card"). Other packages (Jest's, ajv) stay `require`s, so each
// must be a dependency or peer of the package: under pnpm a package sees only those. The build fails when a
// bundle requires a package its package.json does not declare, or when esbuild renamed a declaration. Runs
// after `tsc -b` (`pnpm build`), from its output.
import * as fs from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The package a bare import names (`@scope/name/sub` → `@scope/name`), as core resolves a project's packages.
const { packageName } = createRequire(import.meta.url)(path.join(root, 'packages/core/dist/jestModule.js'));

/** Entries by package: `dist/<entry>.js` is bundled into `dist/bundle/<entry>.js`, which package.json names. */
const BUNDLED_ENTRIES = {
  reporter: ['index'],
  environment: ['node', 'nodeOnly', 'jsdom'],
};

/** Modules the runtime provides, not a package: Yarn Plug'n'Play's API (core's jestModule asks for it). */
const PROVIDED_AT_RUNTIME = new Set(['pnpapi', ...builtinModules]);

/** jest-perf's own packages go into the bundle; any other package stays a `require` of the user's copy. */
function externalsOutsideJestPerf(external) {
  return {
    name: 'externals-outside-jest-perf',
    setup(bundler) {
      bundler.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.path.startsWith('node:') || args.path.startsWith('@jest-perf/')) return undefined;
        external.add(packageName(args.path));
        return { path: args.path, external: true };
      });
    },
  };
}

/** Names of the classes and functions a file declares (esbuild's own helpers, `__name`, left out). */
function declaredNames(file) {
  const text = fs.readFileSync(file, 'utf8');
  const names = [...text.matchAll(/\b(?:class|function)\s+(?!extends\b)([A-Za-z_$][\w$]*)/g)].map((m) => m[1]);
  return new Set(names.filter((declared) => !declared.startsWith('__')));
}

/**
 * esbuild renames a declaration whose name another module of the bundle also uses at the top level (`PerfEnvironment`
 * → `PerfEnvironment2`), and a class's name shows in messages and stack traces: rename the source instead.
 */
function checkNamesKept(name, metafile) {
  const source = new Set(Object.keys(metafile.inputs).flatMap((input) => [...declaredNames(path.join(root, input))]));
  for (const output of Object.keys(metafile.outputs).filter((file) => file.endsWith('.js'))) {
    const renamed = [...declaredNames(path.join(root, output))].filter((declared) => !source.has(declared));
    if (renamed.length > 0) {
      throw new Error(
        `packages/${name}: the bundle ${output} renamed ${renamed.join(', ')}. ` +
          'Fix: give the top-level declarations of its modules distinct names.',
      );
    }
  }
}

async function bundlePackage(name, entries) {
  const dir = path.join(root, 'packages', name);
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const external = new Set();
  const outdir = path.join(dir, 'dist', 'bundle');
  fs.rmSync(outdir, { recursive: true, force: true });
  const { metafile } = await build({
    entryPoints: entries.map((entry) => path.join(dir, 'dist', `${entry}.js`)),
    outdir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    // The oldest Node jest-perf supports (package.json engines).
    target: 'node20',
    // Mapped back to the TypeScript sources through tsc's own maps (their text included).
    sourcemap: 'linked',
    logLevel: 'warning',
    plugins: [externalsOutsideJestPerf(external)],
    metafile: true,
  });
  checkNamesKept(name, metafile);
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
