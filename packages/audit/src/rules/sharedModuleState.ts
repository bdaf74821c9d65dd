import ts from 'typescript';
import { enclosingJestBlock, memberName, rootIdentifier, unwrap, walk } from '../ast';
import { type Binding, declarationKind, isModuleLevel, resolveBinding } from '../scope';
import { inSerialBlock } from '../serial';
import type { FileInfo, Rule, RuleHit } from './rule';

const FIX =
  'create the value in beforeEach (or reset it in afterEach) so each test starts from the same state, ' +
  'or tag the file serial with a /** @tags serial */ docblock';

/** Methods that change the collection they are called on. */
const MUTATING_METHODS = new Set(['push', 'pop', 'shift', 'unshift', 'splice', 'set', 'add', 'delete', 'clear']);

interface Mutation {
  node: ts.Node;
  binding: Binding;
  name: string;
  /** How it changes: `reassigned`, `.push()`, `a property assigned`... */
  how: string;
}

/** A module-level `let`/`var`, or a module-level `const` holding a literal object/array or a `new` instance. */
function isSharedBinding(binding: Binding): boolean {
  if (!isModuleLevel(binding)) return false;
  const kind = declarationKind(binding);
  if (kind === 'let' || kind === 'var') return true;
  if (kind !== 'const' || !ts.isVariableDeclaration(binding) || !binding.initializer) return false;
  const value = unwrap(binding.initializer);
  return ts.isObjectLiteralExpression(value) || ts.isArrayLiteralExpression(value) || ts.isNewExpression(value);
}

const COMPOUND_ASSIGNMENTS = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.EqualsToken,
  ts.SyntaxKind.PlusEqualsToken,
  ts.SyntaxKind.MinusEqualsToken,
  ts.SyntaxKind.AsteriskEqualsToken,
  ts.SyntaxKind.SlashEqualsToken,
  ts.SyntaxKind.QuestionQuestionEqualsToken,
  ts.SyntaxKind.BarBarEqualsToken,
  ts.SyntaxKind.AmpersandAmpersandEqualsToken,
]);

/** The module-level binding a node changes, if it changes one. */
function mutationOf(node: ts.Node): Mutation | undefined {
  let target: ts.Expression | undefined;
  let how = '';
  if (ts.isBinaryExpression(node) && COMPOUND_ASSIGNMENTS.has(node.operatorToken.kind)) {
    target = node.left;
    how = ts.isIdentifier(unwrap(node.left)) ? 'reassigned' : 'a property assigned';
  } else if (
    (ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) &&
    (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken)
  ) {
    target = node.operand;
    const change = node.operator === ts.SyntaxKind.PlusPlusToken ? 'incremented' : 'decremented';
    how = ts.isIdentifier(unwrap(node.operand)) ? change : `a property ${change}`;
  } else if (ts.isDeleteExpression(node)) {
    target = node.expression;
    how = 'a property deleted';
  } else if (ts.isCallExpression(node)) {
    const callee = unwrap(node.expression);
    const method = memberName(callee);
    if (method !== undefined && MUTATING_METHODS.has(method) && ts.isPropertyAccessExpression(callee)) {
      target = callee.expression;
      how = `.${method}()`;
    } else if (isObjectAssign(callee) && node.arguments[0] !== undefined) {
      target = node.arguments[0];
      how = 'Object.assign()';
    }
  }
  if (target === undefined) return undefined;
  const identifier = rootIdentifier(target);
  if (identifier === undefined) return undefined;
  const binding = resolveBinding(identifier);
  if (binding === undefined || !isSharedBinding(binding)) return undefined;
  return { node, binding, name: identifier.text, how };
}

function isObjectAssign(callee: ts.Expression): boolean {
  return (
    ts.isPropertyAccessExpression(callee) &&
    callee.name.text === 'assign' &&
    ts.isIdentifier(callee.expression) &&
    callee.expression.text === 'Object'
  );
}

function check(sourceFile: ts.SourceFile, info: FileInfo): RuleHit[] {
  if (info.fileTags.includes('serial')) return [];
  const reset = new Set<Binding>();
  const candidates: Mutation[] = [];
  walk(sourceFile, (node) => {
    const mutation = mutationOf(node);
    if (mutation === undefined) return;
    const kind = enclosingJestBlock(node)?.kind;
    if (kind === 'beforeEach' || kind === 'afterEach') reset.add(mutation.binding);
    else if (kind === 'test' || kind === 'describe') candidates.push(mutation);
  });
  return candidates
    .filter((mutation) => !reset.has(mutation.binding) && !inSerialBlock(mutation.node))
    .map((mutation) => ({
      node: mutation.node,
      message: `module-level \`${mutation.name}\` is ${describeHow(mutation.how)} inside a ${blockName(mutation.node)} and never reset in beforeEach/afterEach: the tests of this file depend on the order they run in ('jest --randomize' changes it)`,
    }));
}

function describeHow(how: string): string {
  return how.startsWith('.') || how === 'Object.assign()' ? `changed by ${how}` : how;
}

function blockName(node: ts.Node): string {
  return enclosingJestBlock(node)?.kind === 'describe' ? 'describe block' : 'test';
}

export const sharedModuleState: Rule = {
  id: 'shared-module-state',
  summary:
    "a test file's module-level let/var or object changed inside a test or describe, never reset in beforeEach/afterEach",
  fix: FIX,
  check,
};
