import * as path from 'node:path';
import ts from 'typescript';
import {
  calleeName,
  enclosingJestBlock,
  guardingFinallyBlocks,
  inFinallyBlock,
  isProcessMember,
  memberName,
  memberObject,
  runsAtLoad,
  unwrap,
  walk,
} from '../ast';
import { cleanupFunctions, inCleanup } from '../cleanup';
import { constantText } from '../constant';
import type { FileInfo, Rule, RuleHit } from './rule';

/** Every key at once: `process.env = {...}`, `Object.assign(process.env, saved)`. */
const ALL = '*';

const FIX =
  "save the value and put it back in afterEach, or use jest.replaceProperty(process.env, 'NAME', 'value') " +
  '(undone by restoreMocks / jest.restoreAllMocks())';

/** Jest's globalSetup and globalTeardown run once in the parent process: setting env there is how values reach the workers. */
const GLOBAL_SETUP = /^global[-_.]?(?:setup|teardown)\b/i;

interface EnvWrite {
  node: ts.Node;
  /** The variable's name, `[expression]` for a key the file does not spell out, or `*` for all of them. */
  key: string;
  label: string;
}

/** `process.env.NAME` / `process.env['NAME']` / `process.env[KEY]`: the key, if the expression is one. */
function envKey(expression: ts.Expression): string | undefined {
  const node = unwrap(expression);
  const object = memberObject(node);
  if (object === undefined || !isProcessMember(object, 'env')) return undefined;
  const name = memberName(node);
  if (name !== undefined) return name;
  if (ts.isElementAccessExpression(node)) {
    return constantText(node.argumentExpression) ?? `[${node.argumentExpression.getText()}]`;
  }
  return undefined;
}

function keyLabel(key: string): string {
  if (key === ALL) return 'process.env';
  return key.startsWith('[') ? `process.env${key}` : `process.env.${key}`;
}

/** Keys an object literal spells out, or `*` when it spreads or computes some. */
function objectKeys(expression: ts.Expression): string[] {
  const node = unwrap(expression);
  if (!ts.isObjectLiteralExpression(node)) return [ALL];
  const keys: string[] = [];
  for (const property of node.properties) {
    const name = property.name;
    if (name && (ts.isIdentifier(name) || ts.isStringLiteral(name))) keys.push(name.text);
    else return [ALL];
  }
  return keys;
}

const ASSIGNMENTS = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.EqualsToken,
  ts.SyntaxKind.PlusEqualsToken,
  ts.SyntaxKind.QuestionQuestionEqualsToken,
  ts.SyntaxKind.BarBarEqualsToken,
  ts.SyntaxKind.AmpersandAmpersandEqualsToken,
]);

/** The env writes a node makes (one node can write several keys through Object.assign). */
function writesOf(node: ts.Node): EnvWrite[] {
  if (ts.isBinaryExpression(node) && ASSIGNMENTS.has(node.operatorToken.kind)) {
    if (isProcessMember(unwrap(node.left), 'env')) return [{ node, key: ALL, label: 'process.env' }];
    const key = envKey(node.left);
    return key === undefined ? [] : [{ node, key, label: keyLabel(key) }];
  }
  if (ts.isDeleteExpression(node)) {
    const key = envKey(node.expression);
    return key === undefined ? [] : [{ node, key, label: keyLabel(key) }];
  }
  if (ts.isCallExpression(node) && isObjectAssign(node) && node.arguments[0] !== undefined) {
    if (!isProcessMember(unwrap(node.arguments[0]), 'env')) return [];
    const keys = node.arguments.slice(1).flatMap(objectKeys);
    return [...new Set(keys)].map((key) => ({ node, key, label: keyLabel(key) }));
  }
  return [];
}

function isObjectAssign(call: ts.CallExpression): boolean {
  const callee = unwrap(call.expression);
  return (
    ts.isPropertyAccessExpression(callee) &&
    callee.name.text === 'assign' &&
    ts.isIdentifier(callee.expression) &&
    callee.expression.text === 'Object'
  );
}

/** `jest.replaceProperty(process.env, 'NAME', v)` → NAME; `jest.replaceProperty(process, 'env', v)` → every key. */
function replacedKey(node: ts.Node): string | undefined {
  if (!ts.isCallExpression(node) || calleeName(node) !== 'replaceProperty') return undefined;
  const [object, property] = node.arguments;
  if (object === undefined || property === undefined) return undefined;
  const name = constantText(property) ?? `[${property.getText()}]`;
  if (isProcessMember(unwrap(object), 'env')) return name;
  const base = unwrap(object);
  if (ts.isIdentifier(base) && base.text === 'process' && name === 'env') return ALL;
  return undefined;
}

/** Keys restored in the afterEach/afterAll hooks (or the cleanup functions they call) of a file, and by jest.replaceProperty anywhere in it. */
function restoredKeys(sourceFile: ts.SourceFile, into: Set<string>): void {
  const cleanup = cleanupFunctions(sourceFile);
  walk(sourceFile, (node) => {
    const replaced = replacedKey(node);
    if (replaced !== undefined) into.add(replaced);
    const writes = writesOf(node);
    if (writes.length > 0 && inCleanup(node, cleanup)) for (const write of writes) into.add(restoredBy(write));
  });
}

/** A restore loop (`for (const key of KEYS) process.env[key] = saved[key]`) puts back keys the file does not spell out: count it for all. */
function restoredBy(write: EnvWrite): string {
  return write.key.startsWith('[') ? ALL : write.key;
}

function keysIn(block: ts.Node): Set<string> {
  const keys = new Set<string>();
  walk(block, (node) => {
    for (const write of writesOf(node)) keys.add(restoredBy(write));
  });
  return keys;
}

/**
 * True for a write that every test of the file sees the same way: while the file loads (top level, describe
 * bodies), or in a beforeEach/beforeAll at the root of the file (it runs before every test, in any order).
 */
function appliesToWholeFile(node: ts.Node): boolean {
  if (runsAtLoad(node)) return true;
  const block = enclosingJestBlock(node);
  if (block === undefined || (block.kind !== 'beforeEach' && block.kind !== 'beforeAll')) return false;
  return enclosingJestBlock(block.call) === undefined;
}

/** `delete process.env.X` in a beforeEach resets the env to a known state before each test: cleanup, not a change. */
function isResetBeforeEach(node: ts.Node): boolean {
  return ts.isDeleteExpression(node) && enclosingJestBlock(node)?.kind === 'beforeEach';
}

/** The function a node runs in (or the file). */
function enclosingFunction(node: ts.Node): ts.Node {
  let current = node.parent;
  while (current !== undefined && !ts.isFunctionLike(current) && !ts.isSourceFile(current)) current = current.parent;
  return current ?? node.getSourceFile();
}

/** A write that puts a value back: `delete process.env.A`, or an assignment from a variable (`= saved`), not a constant. */
function isRestoreShaped(node: ts.Node): boolean {
  if (ts.isDeleteExpression(node)) return true;
  return ts.isBinaryExpression(node) && constantText(node.right) === undefined;
}

function sameKey(a: EnvWrite, b: EnvWrite): boolean {
  return a.key === ALL || restoredBy(b) === ALL || a.key === b.key;
}

/**
 * Saved and put back around the code under test, in the same function: the change is followed by a restore of
 * the same key (`process.env.A = saved`, `delete process.env.A`), or is itself the restore of an earlier change.
 */
function restoredInFunction(write: EnvWrite): boolean {
  let restored = false;
  walk(enclosingFunction(write.node), (node) => {
    if (restored || node === write.node) return;
    const later = node.pos >= write.node.end;
    const earlier = node.end <= write.node.pos;
    if (later && isRestoreShaped(node) && writesOf(node).some((other) => sameKey(write, other))) restored = true;
    if (earlier && isRestoreShaped(write.node) && writesOf(node).some((other) => sameKey(other, write))) {
      restored = true;
    }
  });
  return restored;
}

function check(sourceFile: ts.SourceFile, info: FileInfo): RuleHit[] {
  if (GLOBAL_SETUP.test(path.posix.basename(info.file))) return [];
  const cleanup = cleanupFunctions(sourceFile);
  const writes: EnvWrite[] = [];
  walk(sourceFile, (node) => {
    for (const write of writesOf(node)) {
      // After hooks (and the functions they call) restore; a finally block restores what its try block
      // changed (checked below). A write every test sees the same way cannot make tests depend on each other,
      // and goes no further: Jest gives each test file its own process.env.
      if (inCleanup(write.node, cleanup) || inFinallyBlock(write.node)) continue;
      if (appliesToWholeFile(write.node) || isResetBeforeEach(write.node)) continue;
      writes.push(write);
    }
  });
  if (writes.length === 0) return [];
  const restored = new Set<string>();
  restoredKeys(sourceFile, restored);
  for (const helper of info.helpers()) restoredKeys(helper, restored);
  const isRestored = (key: string, keys: Set<string>) => keys.has(ALL) || keys.has(key);
  const unrestored = new Map<ts.Node, string[]>();
  for (const write of writes) {
    if (isRestored(write.key, restored)) continue;
    if (guardingFinallyBlocks(write.node).some((block) => isRestored(write.key, keysIn(block)))) continue;
    if (restoredInFunction(write)) continue;
    unrestored.set(write.node, [...(unrestored.get(write.node) ?? []), write.label]);
  }
  return [...unrestored].map(([node, labels]) => ({
    node,
    message:
      `${labels.join(', ')} ${labels.length === 1 ? 'is' : 'are'} changed here and never put back: the later tests ` +
      "of this file see it (so they depend on the order tests run in, which 'jest --randomize' changes), and so do " +
      'the child processes they start; other test files do not (Jest gives each file its own process.env)',
  }));
}

export const envWriteWithoutRestore: Rule = {
  id: 'env-write-without-restore',
  summary: 'process.env written in a test or hook and not put back in afterEach/afterAll',
  fix: FIX,
  check,
};
