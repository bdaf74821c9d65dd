import ts from 'typescript';
import { calleeName, isAssertionOrTableData, unwrap, walk } from '../ast';
import { moduleFunction } from '../modules';
import { describeOrigin, pathOrigin } from '../pathOrigin';
import type { Rule, RuleHit } from './rule';

const FIX =
  "write under a folder of the test's own: tmpDir() from '@jest-perf/parallel/tmpDir' " +
  "(or fs.mkdtempSync(path.join(os.tmpdir(), 'name-'))), and pass that folder to the code under test";

const FS_MODULES = new Set(['fs', 'fs/promises', 'fs-extra']);

/** Writing functions of fs (callback, Sync and promise forms) and fs-extra, and which arguments are written paths. */
const WRITES: Record<string, number[]> = {
  writeFile: [0],
  appendFile: [0],
  mkdir: [0],
  rm: [0],
  rmdir: [0],
  unlink: [0],
  truncate: [0],
  rename: [0, 1],
  copyFile: [1],
  cp: [1],
  symlink: [1],
  link: [1],
  createWriteStream: [0],
  // fs-extra
  outputFile: [0],
  outputJson: [0],
  writeJson: [0],
  ensureDir: [0],
  ensureFile: [0],
  mkdirp: [0],
  mkdirs: [0],
  remove: [0],
  emptyDir: [0],
  copy: [1],
  move: [0, 1],
};

function baseName(name: string): string {
  return name.endsWith('Sync') ? name.slice(0, -4) : name;
}

/** The written-path argument positions of a call, if it is an fs write. */
function writtenArguments(call: ts.CallExpression): { name: string; indexes: number[] } | undefined {
  const callee = calleeName(call);
  // Named imports may be renamed (`import { writeFileSync as write }`); members keep their name.
  if (callee !== undefined && !ts.isIdentifier(unwrap(call.expression)) && !Object.hasOwn(WRITES, baseName(callee))) {
    return undefined;
  }
  const target = moduleFunction(call);
  if (target === undefined || !FS_MODULES.has(target.module)) return undefined;
  const base = baseName(target.name);
  const indexes = Object.hasOwn(WRITES, base) ? WRITES[base] : undefined;
  return indexes === undefined ? undefined : { name: target.name, indexes };
}

function check(sourceFile: ts.SourceFile): RuleHit[] {
  const hits: RuleHit[] = [];
  walk(sourceFile, (node) => {
    if (!ts.isCallExpression(node)) return;
    const write = writtenArguments(node);
    if (write === undefined || isAssertionOrTableData(node)) return;
    for (const index of write.indexes) {
      const argument = node.arguments[index];
      if (argument === undefined) continue;
      const origin = pathOrigin(argument);
      if (origin !== 'dirname' && origin !== 'cwd' && origin !== 'relative') continue;
      hits.push({
        node: argument,
        message: `${write.name} writes into the repository tree (the path starts at ${describeOrigin(origin)}): every worker and run shares it`,
      });
      break;
    }
  });
  return hits;
}

export const repoTreeWrite: Rule = {
  id: 'repo-tree-write',
  summary: 'an fs write (writeFile, mkdir, rm, rename...) to a path under __dirname, process.cwd() or a relative path',
  fix: FIX,
  check,
};
