import { parse } from '@babel/parser';
import type { Comment, File, Node } from '@babel/types';

/** Parses a Jest config file (JS or TS, CommonJS or ESM) keeping exact offsets of every node. */
export function parseConfigSource(text: string, typescript: boolean): File {
  return parse(text, {
    sourceType: 'unambiguous',
    plugins: typescript ? ['typescript'] : ['jsx'],
    allowReturnOutsideFunction: true,
  });
}

const SKIP_KEYS = new Set(['loc', 'start', 'end', 'extra', 'leadingComments', 'trailingComments', 'innerComments']);

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** Calls `visit` on every node below `root` (depth first, source order). */
export function walk(root: Node, visit: (node: Node) => void): void {
  visit(root);
  for (const [key, value] of Object.entries(root)) {
    if (SKIP_KEYS.has(key)) continue;
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) walk(item, visit);
    } else if (isNode(value)) {
      walk(value, visit);
    }
  }
}

/** `module.exports` (or `module['exports']`). */
export function isModuleExports(node: Node): boolean {
  if (node.type !== 'MemberExpression') return false;
  const { object, property } = node;
  const isExportsKey = node.computed
    ? property.type === 'StringLiteral' && property.value === 'exports'
    : property.type === 'Identifier' && property.name === 'exports';
  return object.type === 'Identifier' && object.name === 'module' && isExportsKey;
}

/** The identifier a member chain starts from (`a` of `a.b.c`, `module` of `module.exports.x`). */
export function rootObject(node: Node): Node {
  let current = node;
  while (current.type === 'MemberExpression' || current.type === 'OptionalMemberExpression') current = current.object;
  return current;
}

/** Whether a member chain writes into `module.exports` / `exports` (e.g. `module.exports.reporters = …`). */
export function writesIntoExports(target: Node): boolean {
  if (target.type !== 'MemberExpression') return false;
  if (isModuleExports(target)) return false;
  let current: Node = target;
  while (current.type === 'MemberExpression') {
    if (isModuleExports(current.object)) return true;
    current = current.object;
  }
  return current.type === 'Identifier' && current.name === 'exports';
}

/** `require('x')` or `require('x').y`. */
export function isRequireCall(node: Node | null | undefined): boolean {
  if (!node) return false;
  if (node.type === 'MemberExpression') return isRequireCall(node.object);
  return (
    node.type === 'CallExpression' &&
    node.callee.type === 'Identifier' &&
    node.callee.name === 'require' &&
    node.arguments.length === 1 &&
    node.arguments[0]?.type === 'StringLiteral'
  );
}

/** Offsets of every comment, for finding where a statement's own leading comments begin. */
export type Comments = readonly Comment[];

export const startOf = (node: { start?: number | null }): number => node.start ?? 0;
export const endOf = (node: { end?: number | null }): number => node.end ?? 0;
