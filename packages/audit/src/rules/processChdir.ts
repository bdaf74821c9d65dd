import ts from 'typescript';
import { guardingFinallyBlocks, inAfterHook, inFinallyBlock, isProcessMember, walk } from '../ast';
import type { FileInfo, Rule, RuleHit } from './rule';

const FIX =
  "pass the folder explicitly (a cwd option or an absolute path), or jest.spyOn(process, 'cwd').mockReturnValue(dir)";

function isChdir(node: ts.Node): node is ts.CallExpression {
  return ts.isCallExpression(node) && isProcessMember(node.expression, 'chdir');
}

function containsChdir(block: ts.Node): boolean {
  let found = false;
  walk(block, (node) => {
    if (isChdir(node)) found = true;
  });
  return found;
}

/** True when an afterEach/afterAll of the file calls process.chdir (changing back). */
function restoresInHook(sourceFile: ts.SourceFile): boolean {
  let found = false;
  walk(sourceFile, (node) => {
    if (isChdir(node) && inAfterHook(node)) found = true;
  });
  return found;
}

function check(sourceFile: ts.SourceFile, info: FileInfo): RuleHit[] {
  const calls: ts.CallExpression[] = [];
  walk(sourceFile, (node) => {
    if (isChdir(node) && !inAfterHook(node) && !inFinallyBlock(node)) calls.push(node);
  });
  if (calls.length === 0 || restoresInHook(sourceFile) || info.helpers().some(restoresInHook)) return [];
  return calls
    .filter((call) => !guardingFinallyBlocks(call).some(containsChdir))
    .map((node) => ({
      node,
      message:
        'process.chdir changes the working directory of the whole worker process, for every later test and test file it runs',
    }));
}

export const processChdir: Rule = {
  id: 'process-chdir',
  summary: 'process.chdir(...) without changing back in afterEach/afterAll (or a finally block)',
  fix: FIX,
  check,
};
