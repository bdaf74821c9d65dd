import ts from 'typescript';
import { calleeName, unwrap, walk } from '../ast';
import { constantText } from '../constant';
import { moduleValue, normaliseModule } from '../modules';
import { runsSerially } from '../serial';
import type { FileInfo, Rule, RuleHit } from './rule';

const CHILD_PROCESS_FUNCTIONS = new Set(['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']);

/** Packages whose every export (and default export) starts a process. */
const SPAWNING_PACKAGES = new Set(['execa', 'cross-spawn', 'zx', 'tinyexec', 'nano-spawn']);

const FIX =
  'tag the file serial (a /** @tags serial */ docblock) so `jest-perf test` runs it in band after the parallel ' +
  'lane, or allow it with the reason it is light: // jest-perf-audit-allow child-process: <why>';

/** Whether a callee (or a value passed to promisify) is a process-starting function, by where it comes from. */
function startsProcess(expression: ts.Expression): boolean {
  const value = moduleValue(expression);
  if (value === undefined) return false;
  if (SPAWNING_PACKAGES.has(value.module)) return true;
  return value.kind === 'export' && value.module === 'child_process' && CHILD_PROCESS_FUNCTIONS.has(value.name);
}

/** `jest.mock('child_process')` (or of execa...): the calls reach a mock, not the system. */
function mockedModules(sourceFile: ts.SourceFile): Set<string> {
  const mocked = new Set<string>();
  walk(sourceFile, (node) => {
    if (!ts.isCallExpression(node) || node.arguments[0] === undefined) return;
    const callee = unwrap(node.expression);
    const name = calleeName(node);
    if (!ts.isPropertyAccessExpression(callee) || (name !== 'mock' && name !== 'doMock')) return;
    const module = constantText(node.arguments[0]);
    if (module !== undefined) mocked.add(normaliseModule(module));
  });
  return mocked;
}

function processCall(node: ts.Node): ts.Node | undefined {
  if (ts.isCallExpression(node)) {
    if (startsProcess(node.expression)) return node;
    // promisify(exec): the promisified function starts the process when called.
    const argument = node.arguments[0];
    if (calleeName(node) === 'promisify' && argument !== undefined && startsProcess(argument)) return node;
  }
  if (ts.isTaggedTemplateExpression(node) && startsProcess(node.tag)) return node; // execa's and zx's $`cmd`
  return undefined;
}

/**
 * child-process (a serial candidate): the file starts processes. Not a parallel bug by itself, but each child
 * competes with the Jest workers for the CPU (the usual cause of timeouts under load) and inherits the env.
 */
function check(sourceFile: ts.SourceFile, info: FileInfo): RuleHit[] {
  const text = sourceFile.text;
  if (!text.includes('child_process') && ![...SPAWNING_PACKAGES].some((name) => text.includes(name))) return [];
  const mocked = mockedModules(sourceFile);
  const calls: ts.Node[] = [];
  walk(sourceFile, (node) => {
    const call = processCall(node);
    if (call === undefined || runsSerially(call, info)) return;
    const module = moduleValue(ts.isTaggedTemplateExpression(call) ? call.tag : (call as ts.CallExpression).expression);
    if (module !== undefined && mocked.has(module.module)) return;
    calls.push(call);
  });
  const first = calls[0];
  if (first === undefined) return [];
  const shown = first.getText(sourceFile).split('(')[0]?.split('`')[0] ?? 'spawn';
  const more = calls.length > 1 ? ` (${calls.length} places in this file)` : '';
  return [
    {
      node: first,
      message:
        `${shown}(…) starts a child process${more}: each one competes with the Jest workers for the CPU ` +
        "(timeouts under load) and inherits this file's process.env",
    },
  ];
}

export const childProcess: Rule = {
  id: 'child-process',
  summary: 'serial candidate: child_process spawn/exec/execFile/fork (and their Sync forms), execa, cross-spawn',
  fix: FIX,
  check,
};
