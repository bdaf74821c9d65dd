import { execFileSync, spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { type Browser, chromium } from 'playwright-core';

export const REPO = path.resolve(__dirname, '../../..');
export const CLI = path.join(path.dirname(require.resolve('@jest-perf/cli/package.json')), 'dist/bin.js');
/** Where the screenshots go: the user guide shows them. */
export const IMAGES = path.join(REPO, 'docs/images');

/** The real, built CLI, as a user runs it; throws on a non-zero exit. */
export function jestPerf(args: string[], root: string): string {
  return execFileSync(process.execPath, [CLI, ...args, '--root', root], { cwd: root, encoding: 'utf8' });
}

/** The CLI's stdout and exit code, for commands whose exit code is the answer (`check` exits 1 on a regression). */
export function jestPerfStatus(args: string[], root: string): { status: number | null; stdout: string } {
  const result = spawnSync(process.execPath, [CLI, ...args, '--root', root], { cwd: root, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout };
}

/** Debian's headless Chromium (`CHROMIUM_PATH` overrides where it is). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}
