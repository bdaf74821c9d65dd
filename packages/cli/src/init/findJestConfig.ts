import * as fs from 'node:fs';
import * as path from 'node:path';
import { JEST_PERF_CLI, JestPerfError } from '@jest-perf/core';

/** Jest's own order of config files in a folder (jest-config's JEST_CONFIG_EXT_ORDER, Jest 30). */
export const JEST_CONFIG_FILES = [
  'jest.config.js',
  'jest.config.ts',
  'jest.config.mjs',
  'jest.config.mts',
  'jest.config.cjs',
  'jest.config.cts',
  'jest.config.json',
] as const;

/** Where the project's Jest config is: a config file, the `jest` key of package.json, or nowhere yet. */
export type JestConfigLocation =
  | { kind: 'js'; file: string }
  | { kind: 'json'; file: string }
  | { kind: 'package-json'; file: string }
  /** No config at all: Jest runs on its defaults (package.json without a `jest` key). */
  | { kind: 'none'; file: string };

const isFile = (file: string): boolean => fs.existsSync(file) && fs.statSync(file).isFile();

/** The parsed package.json of the root, or a clear error when it is missing or not a JSON object. */
export function readPackageJson(root: string): Record<string, unknown> {
  const file = path.join(root, 'package.json');
  if (!isFile(file)) {
    throw new JestPerfError('JEST_PERF_FILE_MISSING', `no package.json in ${root}`, {
      fix: `run \`${JEST_PERF_CLI} init\` in your project root, or pass --root <project folder>`,
    });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new JestPerfError('JEST_PERF_FILE_CORRUPT', 'package.json is not valid JSON', {
      file,
      fix: `fix its syntax, then run \`${JEST_PERF_CLI} init\` again`,
      cause,
    });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new JestPerfError('JEST_PERF_FILE_INVALID', 'package.json does not hold a JSON object', { file });
  }
  return parsed as Record<string, unknown>;
}

const kindOf = (file: string): 'js' | 'json' => (file.endsWith('.json') ? 'json' : 'js');

/**
 * Finds the Jest config of `root` the way Jest does without `--config`: every `jest.config.*` in Jest's
 * order plus package.json's `jest` key (a string there names the config file). Several is an error,
 * as in Jest ("Multiple configurations found").
 * @throws JestPerfError when several configs exist or package.json#jest names a missing file.
 */
export function findJestConfig(root: string, pkg: Record<string, unknown>): JestConfigLocation {
  const pkgFile = path.join(root, 'package.json');
  const found: JestConfigLocation[] = JEST_CONFIG_FILES.map((name) => path.join(root, name))
    .filter(isFile)
    .map((file) => ({ kind: kindOf(file), file }));
  const jestKey = pkg.jest;
  if (typeof jestKey === 'string') {
    const file = path.resolve(root, jestKey);
    if (!isFile(file)) {
      throw new JestPerfError('JEST_PERF_FILE_MISSING', `package.json#jest names ${jestKey}, which is not a file`, {
        file: pkgFile,
        fix: 'point "jest" at your Jest config file, or remove the key',
      });
    }
    found.push({ kind: kindOf(file), file });
  } else if (jestKey !== undefined) {
    found.push({ kind: 'package-json', file: pkgFile });
  }
  if (found.length > 1) {
    const list = found.map((c) => `  * ${c.kind === 'package-json' ? '`jest` key in ' : ''}${c.file}`).join('\n');
    throw new JestPerfError(
      'JEST_PERF_USAGE',
      `multiple Jest configurations found:\n${list}\n  Jest refuses this too (without --config)`,
      { fix: `remove the unused ones, then run \`${JEST_PERF_CLI} init\` again` },
    );
  }
  return found[0] ?? { kind: 'none', file: pkgFile };
}
