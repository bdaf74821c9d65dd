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
  written.push(path.basename(text.trim().split('\n').pop() ?? ''));
}
console.log(`pack:release: ${written.length} tarballs in ${path.relative(process.cwd(), out) || '.'}`);
for (const file of written) console.log(`  ${file}`);
