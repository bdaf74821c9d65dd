import ts from 'typescript';

/** Small syntax helpers shared by the rules. Every node comes from a source file parsed with parents set. */

/** Strips parentheses, `as`, `satisfies`, `!` and `<T>x` around an expression. */
export function unwrap(expression: ts.Expression): ts.Expression {
  let current = expression;
  while (
    ts.isParenthesizedExpression(current) ||
    ts.isAsExpression(current) ||
    ts.isSatisfiesExpression(current) ||
    ts.isNonNullExpression(current) ||
    ts.isTypeAssertionExpression(current)
  ) {
    current = current.expression;
  }
  return current;
}

/** The name a property access or a literal element access reads: `a.b` → `b`, `a['b']` → `b`. */
export function memberName(expression: ts.Expression): string | undefined {
  const node = unwrap(expression);
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  if (ts.isElementAccessExpression(node)) {
    const argument = unwrap(node.argumentExpression);
    if (ts.isStringLiteralLike(argument)) return argument.text;
  }
  return undefined;
}

/** The object of a member access (`a` in `a.b` and `a[k]`), or undefined for anything else. */
export function memberObject(expression: ts.Expression): ts.Expression | undefined {
  const node = unwrap(expression);
  if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) return node.expression;
  return undefined;
}

/** The identifier a member chain starts from: `a` in `a.b[c].d`; undefined when it starts elsewhere. */
export function rootIdentifier(expression: ts.Expression): ts.Identifier | undefined {
  let node = unwrap(expression);
  for (;;) {
    if (ts.isIdentifier(node)) return node;
    const object = memberObject(node);
    if (object === undefined) return undefined;
    node = unwrap(object);
  }
}

/** True for `process` (also `global.process` and `globalThis.process`). */
function isProcess(expression: ts.Expression): boolean {
  const node = unwrap(expression);
  if (ts.isIdentifier(node)) return node.text === 'process';
  const object = memberObject(node);
  if (object === undefined || memberName(node) !== 'process') return false;
  const base = unwrap(object);
  return ts.isIdentifier(base) && (base.text === 'global' || base.text === 'globalThis');
}

/** True for `process.<name>` (for instance `process.env`, `process.chdir`). */
export function isProcessMember(expression: ts.Expression, name: string): boolean {
  const object = memberObject(expression);
  return object !== undefined && memberName(expression) === name && isProcess(object);
}

/** The callee's last name: `writeFileSync` for `fs.writeFileSync(...)` and for `writeFileSync(...)`. */
export function calleeName(call: ts.CallExpression): string | undefined {
  const callee = unwrap(call.expression);
  if (ts.isIdentifier(callee)) return callee.text;
  return memberName(callee);
}

export type JestBlockKind = 'test' | 'describe' | 'beforeEach' | 'afterEach' | 'beforeAll' | 'afterAll';

const JEST_GLOBALS: Record<string, JestBlockKind> = {
  it: 'test',
  test: 'test',
  fit: 'test',
  xit: 'test',
  xtest: 'test',
  describe: 'describe',
  fdescribe: 'describe',
  xdescribe: 'describe',
  beforeEach: 'beforeEach',
  afterEach: 'afterEach',
  beforeAll: 'beforeAll',
  afterAll: 'afterAll',
};

/** The Jest global a callee chain starts from: `it` for `it.concurrent.each(table)`; undefined otherwise. */
function jestRoot(callee: ts.Expression): { kind: JestBlockKind; each: boolean } | undefined {
  let node = unwrap(callee);
  let each = false;
  for (;;) {
    if (ts.isPropertyAccessExpression(node)) {
      if (node.name.text === 'each') each = true;
      node = unwrap(node.expression);
    } else if (ts.isCallExpression(node)) node = unwrap(node.expression);
    else if (ts.isTaggedTemplateExpression(node)) node = unwrap(node.tag);
    else break;
  }
  if (!ts.isIdentifier(node)) return undefined;
  const kind = JEST_GLOBALS[node.text];
  return kind === undefined ? undefined : { kind, each };
}

/** What a call to a Jest global declares (`it(...)`, `describe.each(t)(...)`, `afterEach(...)`), if it is one. */
export function jestCallKind(call: ts.CallExpression): JestBlockKind | undefined {
  return jestRoot(call.expression)?.kind;
}

export interface JestBlock {
  kind: JestBlockKind;
  /** The callback passed to the Jest global. */
  callback: ts.FunctionLikeDeclaration;
  call: ts.CallExpression;
}

/** The Jest block a function is the callback of, if any. */
export function jestBlockOf(fn: ts.Node): JestBlock | undefined {
  if (!(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))) return undefined;
  const call = fn.parent;
  if (!ts.isCallExpression(call) || !call.arguments.includes(fn)) return undefined;
  const kind = jestCallKind(call);
  return kind === undefined ? undefined : { kind, callback: fn, call };
}

/** The innermost Jest block (test, describe or hook callback) a node runs in; undefined at module level or in plain helpers. */
export function enclosingJestBlock(node: ts.Node): JestBlock | undefined {
  for (let current = node.parent; current !== undefined; current = current.parent) {
    const block = jestBlockOf(current);
    if (block !== undefined) return block;
  }
  return undefined;
}

/** Every Jest block around a node, innermost first (a hook inside a describe inside a describe...). */
export function jestBlocksAround(node: ts.Node): JestBlock[] {
  const blocks: JestBlock[] = [];
  for (let current = node.parent; current !== undefined; current = current.parent) {
    const block = jestBlockOf(current);
    if (block !== undefined) blocks.push(block);
  }
  return blocks;
}

/** True when the node runs inside an afterEach or afterAll callback (where restores belong). */
export function inAfterHook(node: ts.Node): boolean {
  const kind = enclosingJestBlock(node)?.kind;
  return kind === 'afterEach' || kind === 'afterAll';
}

/**
 * True when the node runs while the test file loads: at the top level or directly in describe bodies
 * (Jest collects every describe before the first test runs), not in a test, hook or other function.
 */
export function runsAtLoad(node: ts.Node): boolean {
  for (let current = node.parent; current !== undefined; current = current.parent) {
    if (ts.isFunctionLike(current) && jestBlockOf(current)?.kind !== 'describe') return false;
  }
  return true;
}

/** True when the node is in the `finally` block of a try statement. */
export function inFinallyBlock(node: ts.Node): boolean {
  for (let current: ts.Node = node; current.parent !== undefined; current = current.parent) {
    if (ts.isFunctionLike(current)) return false;
    const parent = current.parent;
    if (ts.isTryStatement(parent) && parent.finallyBlock === current) return true;
  }
  return false;
}

/**
 * The `finally` blocks that run after the node (within its function): of try statements whose `try`
 * block holds it, and of try statements that follow its statement in the same block
 * (`process.env.X = '1'; try { ... } finally { delete process.env.X; }`).
 */
export function guardingFinallyBlocks(node: ts.Node): ts.Block[] {
  const blocks: ts.Block[] = [];
  for (let current: ts.Node = node; current.parent !== undefined; current = current.parent) {
    if (ts.isFunctionLike(current)) break;
    const parent = current.parent;
    if (ts.isTryStatement(parent) && parent.tryBlock === current && parent.finallyBlock) {
      blocks.push(parent.finallyBlock);
    }
    if ((ts.isBlock(parent) || ts.isSourceFile(parent)) && ts.isStatement(current)) {
      const statements: readonly ts.Statement[] = parent.statements;
      for (const later of statements.slice(statements.indexOf(current) + 1)) {
        if (ts.isTryStatement(later) && later.finallyBlock) blocks.push(later.finallyBlock);
      }
    }
  }
  return blocks;
}

/**
 * True when a literal is test data rather than something the test uses: inside an `expect(...)`
 * chain (the value is compared, not used), an `it.each`/`describe.each` table, or a test or
 * describe title. A function inside `expect(() => ...)` still runs, so the search stops at functions.
 */
export function isAssertionOrTableData(node: ts.Node): boolean {
  let child: ts.Node = node;
  for (let current = node.parent; current !== undefined; child = current, current = current.parent) {
    if (ts.isFunctionLike(current) || ts.isStatement(current)) return false;
    if (ts.isCallExpression(current)) {
      if (startsWithExpect(current.expression)) return true;
      const argumentIndex = current.arguments.indexOf(child as ts.Expression);
      if (argumentIndex >= 0) {
        const root = jestRoot(current.expression);
        if (root?.each && isEachTableCall(current)) return true;
        if (root !== undefined && argumentIndex === 0 && (root.kind === 'test' || root.kind === 'describe')) {
          return true;
        }
      }
    }
    if (ts.isTaggedTemplateExpression(current) && jestRoot(current.tag)?.each) return true;
  }
  return false;
}

/** `it.each(table)`: the call whose arguments are the table (not the `(name, fn)` call after it). */
function isEachTableCall(call: ts.CallExpression): boolean {
  const callee = unwrap(call.expression);
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 'each';
}

/** `expect(x)`, `expect(x).not.toBe(y)`, `expect.objectContaining(...)`. */
function startsWithExpect(callee: ts.Expression): boolean {
  let node = unwrap(callee);
  for (;;) {
    if (ts.isIdentifier(node)) return node.text === 'expect';
    if (ts.isPropertyAccessExpression(node)) node = unwrap(node.expression);
    else if (ts.isCallExpression(node)) node = unwrap(node.expression);
    else return false;
  }
}

/** The string a literal or a template without substitutions holds. */
export function literalText(node: ts.Node): string | undefined {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? node.text : undefined;
}

/** Calls `visit` on every node of the file, depth first. */
export function walk(node: ts.Node, visit: (node: ts.Node) => void): void {
  visit(node);
  ts.forEachChild(node, (child) => walk(child, visit));
}
