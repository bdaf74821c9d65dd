#!/usr/bin/env node
// `pnpm pack:release [--out <dir>]`: packs every package of packages/* into one folder (default release/),
// the install route until jest-perf is on the registry: npm i -D ./release/jest-perf-preset-0.1.0.tgz …
// pnpm pack turns `workspace:*` into the real versions. Run `pnpm build` first (pack:release does).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outFlag = process.argv.indexOf('--out');
const out = path.resolve(outFlag > 0 ? (process.argv[outFlag + 1] ?? '') : path.join(root, 'release'));

/** Paths inside a tarball that are never published: benchmarks and tests. */
const NOT_SHIPPED = /(^|\/)(bench|dist-bench|__tests__)\//;

fs.mkdirSync(out, { recursive: true });
const packages = fs.readdirSync(path.join(root, 'packages')).sort();
const written = [];
for (const name of packages) {
  const dir = path.join(root, 'packages', name);
  if (!fs.existsSync(path.join(dir, 'dist'))) {
    console.error(`pack:release: packages/${name}/dist is missing. Fix: pnpm build`);
    process.exit(2);
  }
  const text = execFileSync('pnpm', ['pack', '--pack-destination', out], { cwd: dir, encoding: 'utf8' });
  // pnpm prints the tarball's path on its last line.
  const tarball = path.basename(text.trim().split('\n').pop() ?? '');
  written.push(tarball);
  const shipped = execFileSync('tar', ['-tzf', path.join(out, tarball)], { encoding: 'utf8' }).split('\n');
  const stray = shipped.filter((entry) => NOT_SHIPPED.test(entry));
  if (stray.length > 0) {
    // A stale dist/bench (from before the benches left src) or a test compiled into dist: rebuild from scratch.
    console.error(
      `pack:release: ${tarball} holds ${stray.join(', ')}. Fix: rm -rf packages/${name}/dist && pnpm pack:release`,
    );
    process.exit(2);
  }
}
console.log(`pack:release: ${written.length} tarballs in ${path.relative(process.cwd(), out) || '.'}`);
for (const file of written) console.log(`  ${file}`);
