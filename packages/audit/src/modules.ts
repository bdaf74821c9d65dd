import ts from 'typescript';
import { calleeName, memberName, memberObject, unwrap } from './ast';
import { declaredAtTopLevel, resolveBinding } from './scope';

/**
 * Which Node module a call goes to, from the file's imports and requires: `fs.writeFileSync(...)`,
 * `writeFile(...)` imported from 'node:fs/promises', `fs.promises.rm(...)`, `require('fs').mkdirSync(...)`.
 */

export interface ModuleFunction {
  /** `fs`, `fs/promises`, `fs-extra`, `path`, `os` (no `node:` prefix, `path/posix` as `path`). */
  module: string;
  name: string;
}

export type ModuleValue = { kind: 'namespace'; module: string } | { kind: 'export'; module: string; name: string };

/** Identifiers that name these modules even without a visible import (a global, a parameter named so). */
const CONVENTIONAL_NAMES: Record<string, string> = { fs: 'fs', path: 'path', os: 'os', fsp: 'fs/promises' };

export function normaliseModule(specifier: string): string {
  const name = specifier.startsWith('node:') ? specifier.slice(5) : specifier;
  if (name === 'path/posix' || name === 'path/win32') return 'path';
  return name;
}

function requiredModule(expression: ts.Expression): string | undefined {
  const node = unwrap(expression);
  if (!ts.isCallExpression(node) || node.arguments.length !== 1) return undefined;
  const callee = unwrap(node.expression);
  const argument = node.arguments[0] as ts.Expression;
  if (!ts.isIdentifier(callee) || callee.text !== 'require' || !ts.isStringLiteralLike(argument)) return undefined;
  return normaliseModule(argument.text);
}

function moduleSpecifierOf(node: ts.Node): string | undefined {
  for (let current: ts.Node | undefined = node; current !== undefined; current = current.parent) {
    if (ts.isImportDeclaration(current)) {
      return ts.isStringLiteral(current.moduleSpecifier) ? normaliseModule(current.moduleSpecifier.text) : undefined;
    }
  }
  return undefined;
}

function exportValue(module: string, name: string): ModuleValue {
  if (name === 'default') return { kind: 'namespace', module };
  if (module === 'fs' && name === 'promises') return { kind: 'namespace', module: 'fs/promises' };
  if (module === 'path' && (name === 'posix' || name === 'win32')) return { kind: 'namespace', module: 'path' };
  return { kind: 'export', module, name };
}

/** What a value expression is in module terms: a namespace (`fs`), an export (`tmpdir`), or nothing known. */
export function moduleValue(expression: ts.Expression, depth = 0): ModuleValue | undefined {
  if (depth > 4) return undefined;
  const node = unwrap(expression);
  const required = requiredModule(node);
  if (required !== undefined) return { kind: 'namespace', module: required };
  if (ts.isIdentifier(node)) return identifierValue(node, depth);
  const object = memberObject(node);
  const name = memberName(node);
  if (object === undefined || name === undefined) return undefined;
  const base = moduleValue(object, depth + 1);
  return base?.kind === 'namespace' ? exportValue(base.module, name) : undefined;
}

function identifierValue(identifier: ts.Identifier, depth: number): ModuleValue | undefined {
  // Modules are imported at the top of a file: a name not declared there (expect, it, a local) is no module
  // value, and skipping the scope walk for it keeps the audit fast.
  const binding = declaredAtTopLevel(identifier.getSourceFile(), identifier.text)
    ? resolveBinding(identifier)
    : undefined;
  if (binding === undefined) {
    const module = CONVENTIONAL_NAMES[identifier.text];
    return module === undefined ? undefined : { kind: 'namespace', module };
  }
  if (ts.isNamespaceImport(binding) || ts.isImportClause(binding)) {
    const module = moduleSpecifierOf(binding);
    return module === undefined ? undefined : { kind: 'namespace', module };
  }
  if (ts.isImportSpecifier(binding)) {
    const module = moduleSpecifierOf(binding);
    return module === undefined ? undefined : exportValue(module, (binding.propertyName ?? binding.name).text);
  }
  if (ts.isImportEqualsDeclaration(binding)) {
    const reference = binding.moduleReference;
    if (ts.isExternalModuleReference(reference) && ts.isStringLiteral(reference.expression)) {
      return { kind: 'namespace', module: normaliseModule(reference.expression.text) };
    }
    return undefined;
  }
  if (ts.isVariableDeclaration(binding) && binding.initializer && ts.isIdentifier(binding.name)) {
    return moduleValue(binding.initializer, depth + 1);
  }
  if (ts.isBindingElement(binding) && ts.isIdentifier(binding.name)) {
    // const { writeFileSync, promises: fsp } = require('fs')
    const pattern = binding.parent;
    const declaration = pattern.parent;
    if (!ts.isObjectBindingPattern(pattern) || !ts.isVariableDeclaration(declaration) || !declaration.initializer) {
      return undefined;
    }
    const source = moduleValue(declaration.initializer, depth + 1);
    const property = binding.propertyName ?? binding.name;
    if (source?.kind !== 'namespace' || !ts.isIdentifier(property)) return undefined;
    return exportValue(source.module, property.text);
  }
  return undefined;
}

/** The module function a call goes to, when the file shows where the callee comes from. */
export function moduleFunction(call: ts.CallExpression): ModuleFunction | undefined {
  const value = moduleValue(call.expression);
  return value?.kind === 'export' ? { module: value.module, name: value.name } : undefined;
}

/** True for a call of `<module>.<one of names>` (`os.tmpdir()`, `tmpdir()` from 'node:os'...). */
export function callsModule(node: ts.Node, module: string, names: readonly string[]): boolean {
  if (!ts.isCallExpression(node)) return false;
  // The callee's own name first: resolving where it comes from walks the scopes.
  const name = calleeName(node);
  if (name === undefined || !names.includes(name)) {
    if (!ts.isIdentifier(unwrap(node.expression))) return false;
  }
  const target = moduleFunction(node);
  return target !== undefined && target.module === module && names.includes(target.name);
}
