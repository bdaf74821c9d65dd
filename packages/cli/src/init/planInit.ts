import * as fs from 'node:fs';
import * as path from 'node:path';
import { dataPaths, JestPerfError, loadConfig } from '@jest-perf/core';
import { editJsConfig } from './editJsConfig';
import { findJestConfig, type JestConfigLocation, readPackageJson } from './findJestConfig';
import { editGitignore, gitignoreLines } from './gitignoreLines';
import { formatJson, jsonStyleOf } from './jsonText';
import { manualLines } from './manualLines';
import { addPerfScripts } from './perfScripts';
import { wireJsonConfig } from './wireJsonConfig';

/** One file init writes: its text before (`null`: it is created) and after. */
export interface FileChange {
  file: string;
  before: string | null;
  after: string;
}

/** Everything init would do, computed without writing: the changes and a line per thing done or kept. */
export type InitPlan =
  | {
      kind: 'plan';
      config: JestConfigLocation;
      changes: FileChange[];
      done: string[];
      kept: string[];
      /** Root-relative path of the baseline to commit. */
      baseline: string;
      /** Whether the Jest config already used jest-perf (init changes it otherwise). */
      configWired: boolean;
    }
  | { kind: 'refused'; config: JestConfigLocation; reason: string; manual: string[] };

const read = (file: string): string | null => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null);

const rel = (root: string, file: string): string => path.relative(root, file) || file;

/**
 * Plans `jest-perf init` for the project at `root`: wire the Jest config, add the .gitignore lines and the
 * `perf:*` scripts. Pure apart from reading files; refuses as a whole (nothing is written) when the Jest
 * config cannot be edited safely, so a project is never left half-wired.
 */
export function planInit(root: string): InitPlan {
  const pkgFile = path.join(root, 'package.json');
  const pkgText = read(pkgFile) ?? '';
  const pkg = readPackageJson(root);
  const config = findJestConfig(root, pkg);
  const done: string[] = [];
  const kept: string[] = [];
  const changes: FileChange[] = [];
  let newPkg: Record<string, unknown> = pkg;
  let configWired = false;

  if (config.kind === 'js') {
    const text = read(config.file) ?? '';
    const edit = editJsConfig(text, /\.[cm]?ts$/.test(config.file));
    const name = rel(root, config.file);
    if (edit.kind === 'refused')
      return { kind: 'refused', config, reason: edit.reason, manual: manualLines(config, text) };
    configWired = edit.kind === 'wired';
    if (edit.kind === 'wired') kept.push(`${name}: already wired (line ${edit.line}: ${edit.what})`);
    else {
      changes.push({ file: config.file, before: text, after: edit.text });
      done.push(`${name}: wrapped the exported config in withJestPerf(…) (line ${edit.line}) and imported it`);
    }
  } else {
    const isFile = config.kind === 'json';
    const text = isFile ? (read(config.file) ?? '') : '';
    let current: unknown;
    try {
      current = isFile ? JSON.parse(text) : (pkg.jest ?? {});
    } catch (cause) {
      throw new JestPerfError('JEST_PERF_FILE_CORRUPT', 'the Jest config is not valid JSON', {
        file: config.file,
        cause,
      });
    }
    const edit = wireJsonConfig(current);
    const name = isFile ? rel(root, config.file) : 'package.json#jest';
    if (edit.kind === 'refused')
      return { kind: 'refused', config, reason: edit.reason, manual: manualLines(config, text) };
    configWired = edit.kind === 'wired';
    if (edit.kind === 'wired') kept.push(`${name}: already wired`);
    else if (isFile) {
      changes.push({ file: config.file, before: text, after: formatJson(edit.config, jsonStyleOf(text)) });
      done.push(`${name}: ${edit.changes.join(', ')}`);
    } else {
      newPkg = { ...newPkg, jest: edit.config };
      done.push(
        `${name}${config.kind === 'none' ? ' (new: the project had no Jest config)' : ''}: ${edit.changes.join(', ')}`,
      );
    }
  }

  if (
    pkg.scripts !== undefined &&
    (typeof pkg.scripts !== 'object' || pkg.scripts === null || Array.isArray(pkg.scripts))
  ) {
    kept.push('package.json: "scripts" is not an object, so no perf:* scripts were added');
  } else {
    const scripts = addPerfScripts(pkg.scripts);
    if (scripts.added.length > 0) {
      newPkg = { ...newPkg, scripts: scripts.scripts };
      done.push(`package.json: added scripts ${scripts.added.join(', ')}`);
    }
    for (const script of scripts.kept) {
      kept.push(`package.json: kept your "${script.name}": "${script.theirs}" (jest-perf's would be "${script.ours}")`);
    }
  }
  if (newPkg !== pkg) changes.push({ file: pkgFile, before: pkgText, after: formatJson(newPkg, jsonStyleOf(pkgText)) });

  const paths = dataPaths(loadConfig(root));
  const gitignoreFile = path.join(root, '.gitignore');
  const gitignoreText = read(gitignoreFile);
  const gitignore = editGitignore(gitignoreText, gitignoreLines(root, paths.dataDir, paths.baseline));
  if (gitignore.kind === 'edited') {
    changes.push({ file: gitignoreFile, before: gitignoreText, after: gitignore.text });
    const replaced =
      gitignore.replaced.length > 0 ? ` (replaced "${gitignore.replaced.join('", "')}", which hid the baseline)` : '';
    done.push(
      `.gitignore: ${gitignoreText === null ? 'created, ' : ''}ignores ${rel(root, paths.dataDir)}/ but keeps ${rel(root, paths.baseline)}${replaced}`,
    );
  }
  return { kind: 'plan', config, changes, done, kept, baseline: rel(root, paths.baseline), configWired };
}
