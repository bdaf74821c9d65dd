import ts from 'typescript';
import { inAfterHook, jestCallKind, unwrap, walk } from './ast';
import { resolveBinding } from './scope';

/** The function a name refers to, when the file declares it (`function restoreEnv() {}`, `const reset = () => {}`). */
function declaredFunction(expression: ts.Expression): ts.FunctionLikeDeclaration | undefined {
  const node = unwrap(expression);
  if (!ts.isIdentifier(node)) return undefined;
  const binding = resolveBinding(node);
  if (binding === undefined) return undefined;
  if (ts.isFunctionDeclaration(binding)) return binding;
  if (ts.isVariableDeclaration(binding) && binding.initializer) {
    const value = unwrap(binding.initializer);
    if (ts.isArrowFunction(value) || ts.isFunctionExpression(value)) return value;
  }
  return undefined;
}

/**
 * The file's functions that run as cleanup: passed to an afterEach/afterAll (`afterEach(restoreEnv)`) or
 * called from one (`afterEach(() => { resetEnv(); })`).
 */
export function cleanupFunctions(sourceFile: ts.SourceFile): Set<ts.Node> {
  const functions = new Set<ts.Node>();
  walk(sourceFile, (node) => {
    if (!ts.isCallExpression(node)) return;
    const kind = jestCallKind(node);
    const passed = kind === 'afterEach' || kind === 'afterAll' ? node.arguments : [];
    const called = inAfterHook(node) ? [node.expression] : [];
    for (const expression of [...passed, ...called]) {
      const fn = declaredFunction(expression);
      if (fn !== undefined) functions.add(fn);
    }
  });
  return functions;
}

/** True when the node runs in an afterEach/afterAll or in one of the cleanup functions they call. */
export function inCleanup(node: ts.Node, cleanup: ReadonlySet<ts.Node>): boolean {
  if (inAfterHook(node)) return true;
  for (let current = node.parent; current !== undefined; current = current.parent) {
    if (cleanup.has(current)) return true;
  }
  return false;
}
