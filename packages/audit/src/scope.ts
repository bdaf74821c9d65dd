import ts from 'typescript';
import { unwrap } from './ast';

/**
 * Which declaration an identifier refers to, found by walking the scopes around it (blocks,
 * functions, loops, catch clauses, the file). No type checker: enough to tell a module-level
 * binding from a local one of the same name and to follow `const dir = ...` to its value.
 */

/** A binding: a variable (or one name of a destructuring), a parameter, an import, a function or class. */
export type Binding = ts.VariableDeclaration | ts.BindingElement | ts.ParameterDeclaration | ts.Node;

const scopeCache = new WeakMap<ts.Node, Map<string, Binding>>();

function addBindingNames(name: ts.BindingName, declaration: Binding, into: Map<string, Binding>): void {
  if (ts.isIdentifier(name)) {
    if (!into.has(name.text)) into.set(name.text, declaration);
    return;
  }
  for (const element of name.elements) {
    if (ts.isBindingElement(element))
      addBindingNames(element.name, ts.isIdentifier(element.name) ? element : declaration, into);
  }
}

function addVariableList(list: ts.VariableDeclarationList, into: Map<string, Binding>): void {
  for (const declaration of list.declarations) addBindingNames(declaration.name, declaration, into);
}

function addStatements(statements: readonly ts.Statement[], into: Map<string, Binding>): void {
  for (const statement of statements) {
    if (ts.isVariableStatement(statement)) addVariableList(statement.declarationList, into);
    else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) {
      into.set(statement.name.text, statement);
    } else if (ts.isEnumDeclaration(statement)) into.set(statement.name.text, statement);
    else if (ts.isImportDeclaration(statement)) addImport(statement, into);
    else if (ts.isImportEqualsDeclaration(statement)) into.set(statement.name.text, statement);
  }
}

function addImport(statement: ts.ImportDeclaration, into: Map<string, Binding>): void {
  const clause = statement.importClause;
  if (!clause) return;
  if (clause.name) into.set(clause.name.text, clause);
  const bindings = clause.namedBindings;
  if (bindings && ts.isNamespaceImport(bindings)) into.set(bindings.name.text, bindings);
  else if (bindings) for (const element of bindings.elements) into.set(element.name.text, element);
}

/** The names a node declares for its own scope, or undefined when it is no scope. */
function scopeNames(node: ts.Node): Map<string, Binding> | undefined {
  const cached = scopeCache.get(node);
  if (cached) return cached;
  const names = new Map<string, Binding>();
  if (ts.isSourceFile(node) || ts.isBlock(node) || ts.isModuleBlock(node)) addStatements(node.statements, names);
  else if (ts.isCaseBlock(node)) for (const clause of node.clauses) addStatements(clause.statements, names);
  else if (ts.isFunctionLike(node)) {
    for (const parameter of node.parameters) addBindingNames(parameter.name, parameter, names);
    if (ts.isFunctionExpression(node) && node.name) names.set(node.name.text, node);
  } else if (ts.isForStatement(node) || ts.isForInStatement(node) || ts.isForOfStatement(node)) {
    const initializer = node.initializer;
    if (initializer && ts.isVariableDeclarationList(initializer)) addVariableList(initializer, names);
  } else if (ts.isCatchClause(node)) {
    if (node.variableDeclaration) addBindingNames(node.variableDeclaration.name, node.variableDeclaration, names);
  } else return undefined;
  scopeCache.set(node, names);
  return names;
}

/** True when the file declares or imports `name` at its top level. */
export function declaredAtTopLevel(sourceFile: ts.SourceFile, name: string): boolean {
  return scopeNames(sourceFile)?.has(name) === true;
}

/** The declaration `identifier` refers to, or undefined for a global (`process`, `__dirname`...). */
export function resolveBinding(identifier: ts.Identifier): Binding | undefined {
  for (let current: ts.Node | undefined = identifier.parent; current !== undefined; current = current.parent) {
    const binding = scopeNames(current)?.get(identifier.text);
    if (binding !== undefined) return binding;
  }
  return undefined;
}

/** True when the binding is declared by a statement at the top of the file. */
export function isModuleLevel(binding: Binding): boolean {
  if (!ts.isVariableDeclaration(binding) && !ts.isBindingElement(binding)) return false;
  let node: ts.Node = binding;
  while (!ts.isVariableStatement(node)) {
    if (node.parent === undefined) return false;
    node = node.parent;
  }
  return node.parent !== undefined && ts.isSourceFile(node.parent);
}

/** `const` / `let` / `var` of a variable binding. */
export function declarationKind(binding: Binding): 'const' | 'let' | 'var' | undefined {
  let node: ts.Node = binding;
  while (!ts.isVariableDeclarationList(node)) {
    if (node.parent === undefined || ts.isFunctionLike(node)) return undefined;
    node = node.parent;
  }
  const flags = node.flags;
  if (flags & ts.NodeFlags.Const) return 'const';
  if (flags & ts.NodeFlags.Let) return 'let';
  return 'var';
}

const assignmentCache = new WeakMap<ts.SourceFile, Map<Binding, ts.Expression[]>>();

/** The values assigned to a variable after its declaration (`dir = mkdtempSync(...)` in a beforeEach). */
export function assignedValues(binding: Binding): ts.Expression[] {
  const sourceFile = binding.getSourceFile();
  let byBinding = assignmentCache.get(sourceFile);
  if (byBinding === undefined) {
    const map = new Map<Binding, ts.Expression[]>();
    const visit = (node: ts.Node): void => {
      if (
        ts.isBinaryExpression(node) &&
        node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
        ts.isIdentifier(unwrap(node.left))
      ) {
        const target = resolveBinding(unwrap(node.left) as ts.Identifier);
        if (target !== undefined) {
          const values = map.get(target) ?? [];
          values.push(node.right);
          map.set(target, values);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
    byBinding = map;
    assignmentCache.set(sourceFile, map);
  }
  return byBinding.get(binding) ?? [];
}

/** Every value a variable can hold that the file shows: its initializer and its later assignments. */
export function valuesOf(binding: Binding): ts.Expression[] {
  const values: ts.Expression[] = [];
  if (ts.isVariableDeclaration(binding) && binding.initializer) values.push(binding.initializer);
  else if (!ts.isVariableDeclaration(binding)) return [];
  values.push(...assignedValues(binding));
  return values;
}

/** The initializer of a `const` (the only value it can hold), if the identifier names one. */
export function constValue(identifier: ts.Identifier): ts.Expression | undefined {
  const binding = resolveBinding(identifier);
  if (binding === undefined || !ts.isVariableDeclaration(binding) || !binding.initializer) return undefined;
  return declarationKind(binding) === 'const' ? binding.initializer : undefined;
}
