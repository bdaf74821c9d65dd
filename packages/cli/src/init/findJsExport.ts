import type { File, Node, Statement } from '@babel/types';
import { endOf, isModuleExports, isRequireCall, rootObject, startOf, walk, writesIntoExports } from './jsAst';

/** The expression a config file exports, ready to wrap; or why it is already wired or cannot be edited safely. */
export type JsExportSite =
  | { kind: 'found'; statement: Statement; expression: Node; style: 'cjs' | 'esm' }
  | { kind: 'wired'; line: number; what: string }
  | { kind: 'refused'; reason: string };

const lineOf = (node: Node): number => node.loc?.start.line ?? 0;

/**
 * A sign that jest-perf is wired already: a `withJestPerf(…)` call, or a `'@jest-perf/…'` string used in the
 * config (wired by hand). Import and require sources do not count: an unused import is not wiring.
 */
function findWiring(ast: File): { line: number; what: string } | undefined {
  let found: { line: number; what: string } | undefined;
  const moduleNames = new Set<Node>();
  walk(ast.program, (node) => {
    if (found) return;
    if (node.type === 'ImportDeclaration') moduleNames.add(node.source);
    else if (isRequireCall(node) && node.type === 'CallExpression' && node.arguments[0]) {
      moduleNames.add(node.arguments[0]);
    }
    if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'withJestPerf') {
      found = { line: lineOf(node), what: 'withJestPerf(…)' };
    } else if (node.type === 'StringLiteral' && node.value.startsWith('@jest-perf/') && !moduleNames.has(node)) {
      found = { line: lineOf(node), what: `'${node.value}'` };
    }
  });
  return found;
}

/** Whether the file already binds `withJestPerf` at the top (an import or require the user added). */
export function bindsWithJestPerf(ast: File): boolean {
  return ast.program.body.some((statement) => {
    if (statement.type === 'ImportDeclaration') {
      return statement.specifiers.some((specifier) => specifier.local.name === 'withJestPerf');
    }
    if (statement.type !== 'VariableDeclaration') return false;
    return statement.declarations.some(
      ({ id }) =>
        (id.type === 'Identifier' && id.name === 'withJestPerf') ||
        (id.type === 'ObjectPattern' &&
          id.properties.some(
            (property) =>
              property.type === 'ObjectProperty' &&
              property.value.type === 'Identifier' &&
              property.value.name === 'withJestPerf',
          )),
    );
  });
}

interface Candidates {
  topLevel: { statement: Statement; expression: Node; style: 'cjs' | 'esm' }[];
  nested: Node[];
  /** Writes into the exports after the fact (`module.exports.reporters = …`, `Object.assign(module.exports, …)`). */
  mutations: Node[];
  unsupported: { node: Node; reason: string }[];
}

function collect(ast: File): Candidates {
  const found: Candidates = { topLevel: [], nested: [], mutations: [], unsupported: [] };
  const topLevelAssignments = new Set<Node>();
  for (const statement of ast.program.body) {
    if (
      statement.type === 'ExpressionStatement' &&
      statement.expression.type === 'AssignmentExpression' &&
      statement.expression.operator === '=' &&
      isModuleExports(statement.expression.left)
    ) {
      topLevelAssignments.add(statement.expression);
      found.topLevel.push({ statement, expression: statement.expression.right, style: 'cjs' });
    } else if (statement.type === 'ExportDefaultDeclaration') {
      const declaration = statement.declaration;
      const named =
        (declaration.type === 'FunctionDeclaration' || declaration.type === 'ClassDeclaration') && declaration.id;
      if (named || declaration.type === 'ClassDeclaration' || declaration.type === 'TSDeclareFunction') {
        found.unsupported.push({ node: statement, reason: 'exports a named function or a class' });
      } else {
        found.topLevel.push({ statement, expression: declaration, style: 'esm' });
      }
    } else if (
      statement.type === 'ExportNamedDeclaration' &&
      statement.specifiers.some((s) => s.exported.type === 'Identifier' && s.exported.name === 'default')
    ) {
      found.unsupported.push({ node: statement, reason: 'exports the config as `export { … as default }`' });
    } else if (statement.type === 'TSExportAssignment') {
      found.unsupported.push({ node: statement, reason: 'exports the config with `export =`' });
    }
  }
  walk(ast.program, (node) => {
    if (node.type === 'AssignmentExpression') {
      if (isModuleExports(node.left) && !topLevelAssignments.has(node)) found.nested.push(node);
      else if (writesIntoExports(node.left)) found.mutations.push(node);
    } else if (
      node.type === 'CallExpression' &&
      node.callee.type === 'MemberExpression' &&
      rootObject(node.callee).type === 'Identifier' &&
      node.arguments[0] &&
      (isModuleExports(node.arguments[0]) ||
        (node.arguments[0].type === 'Identifier' && node.arguments[0].name === 'exports'))
    ) {
      found.mutations.push(node);
    }
  });
  return found;
}

/** Writes into the exported variable after the export (`module.exports = config; config.x = …`). */
function laterWritesTo(ast: File, name: string, after: number): Node | undefined {
  let hit: Node | undefined;
  walk(ast.program, (node) => {
    if (hit || node.type !== 'AssignmentExpression' || startOf(node) < after) return;
    const target = rootObject(node.left);
    if (target.type === 'Identifier' && target.name === name) hit = node;
  });
  return hit;
}

/**
 * Finds the one place where a Jest config file exports its config: a top-level `module.exports = <expr>`
 * or `export default <expr>`. Anything it cannot follow for certain (several exports, an export inside
 * a condition or function, writes into the exports afterwards) is refused with the reason.
 */
export function findJsExport(ast: File): JsExportSite {
  const wiring = findWiring(ast);
  if (wiring) return { kind: 'wired', ...wiring };
  const { topLevel, nested, mutations, unsupported } = collect(ast);
  const first = unsupported[0];
  if (first) return { kind: 'refused', reason: `line ${lineOf(first.node)} ${first.reason}` };
  const firstNested = nested[0];
  if (firstNested) {
    return { kind: 'refused', reason: `line ${lineOf(firstNested)} sets module.exports inside a block or function` };
  }
  const mutation = mutations[0];
  if (mutation && topLevel.length === 0) {
    return { kind: 'refused', reason: `line ${lineOf(mutation)} builds the exports piece by piece` };
  }
  if (mutation) {
    return { kind: 'refused', reason: `line ${lineOf(mutation)} changes the exports after they are set` };
  }
  if (topLevel.length > 1) {
    const lines = topLevel.map((site) => lineOf(site.statement)).join(', ');
    return { kind: 'refused', reason: `the config is exported ${topLevel.length} times (lines ${lines})` };
  }
  const site = topLevel[0];
  if (!site) return { kind: 'refused', reason: 'found no `module.exports = …` or `export default …`' };
  if (site.expression.type === 'Identifier') {
    const write = laterWritesTo(ast, site.expression.name, endOf(site.statement));
    if (write) {
      return {
        kind: 'refused',
        reason: `line ${lineOf(write)} changes \`${site.expression.name}\` after it is exported`,
      };
    }
  }
  return { kind: 'found', ...site };
}
