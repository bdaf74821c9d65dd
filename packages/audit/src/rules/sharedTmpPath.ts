import ts from 'typescript';
import { calleeName, isAssertionOrTableData, unwrap, walk } from '../ast';
import { constantText, isConstant } from '../constant';
import { callsModule, moduleFunction } from '../modules';
import { constValue } from '../scope';
import type { Rule, RuleHit } from './rule';

/** `/tmp`, `/tmp/...`, `/var/tmp`, `/var/tmp/...`. */
const SHARED_TMP = /^\/(?:var\/)?tmp(?:\/|$)/;

const FIX =
  "give each test its own folder: tmpDir() from '@jest-perf/parallel/tmpDir' (removed after the test), " +
  "or fs.mkdtempSync(path.join(os.tmpdir(), 'name-'))";

/** `os.tmpdir()`, or a const bound to it. */
function isTmpdir(expression: ts.Expression): boolean {
  const node = unwrap(expression);
  if (callsModule(node, 'os', ['tmpdir'])) return true;
  if (!ts.isIdentifier(node)) return false;
  const value = constValue(node);
  return value !== undefined && callsModule(unwrap(value), 'os', ['tmpdir']);
}

/** True inside the prefix argument of `mkdtemp(Sync)`: mkdtemp appends a unique suffix. */
function inMkdtempPrefix(node: ts.Node): boolean {
  let child: ts.Node = node;
  for (let current = node.parent; current !== undefined; child = current, current = current.parent) {
    if (ts.isFunctionLike(current) || ts.isStatement(current)) return false;
    if (ts.isCallExpression(current) && current.arguments[0] === child) {
      const name = moduleFunction(current)?.name ?? calleeName(current);
      if (name === 'mkdtemp' || name === 'mkdtempSync') return true;
    }
  }
  return false;
}

/** A literal followed by something that changes per run (`'/tmp/x-' + process.pid`) is not one fixed path. */
function hasDynamicSuffix(node: ts.Node): boolean {
  const parent = node.parent;
  return (
    ts.isBinaryExpression(parent) &&
    parent.operatorToken.kind === ts.SyntaxKind.PlusToken &&
    parent.left === node &&
    !isConstant(parent.right)
  );
}

function excluded(node: ts.Node): boolean {
  return inMkdtempPrefix(node) || isAssertionOrTableData(node);
}

function shown(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function check(sourceFile: ts.SourceFile): RuleHit[] {
  const hits: RuleHit[] = [];
  const flag = (node: ts.Node, path: string) => {
    if (excluded(node)) return;
    hits.push({
      node,
      message: `'${shown(path)}' is one fixed folder for every test, worker and run: parallel tests see each other's files`,
    });
  };
  walk(sourceFile, (node) => {
    if (ts.isStringLiteralLike(node)) {
      if (SHARED_TMP.test(node.text) && !isKeyOrModuleName(node) && !hasDynamicSuffix(node)) flag(node, node.text);
    } else if (ts.isTemplateExpression(node)) {
      if (SHARED_TMP.test(node.head.text)) {
        const text = constantText(node);
        if (text !== undefined) flag(node, text);
      } else if (node.head.text === '' && isTmpdirTemplate(node)) {
        flag(node, `\${os.tmpdir()}${templateSuffix(node) ?? ''}`);
      }
    } else if (ts.isCallExpression(node)) {
      const joined = tmpdirJoin(node);
      if (joined !== undefined) flag(node, joined);
    } else if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.PlusToken &&
      isTmpdir(node.left) &&
      isConstant(node.right)
    ) {
      flag(node, `os.tmpdir() + '${constantText(node.right)}'`);
    }
  });
  return hits;
}

/** Object keys, import paths and type-level strings are not paths a test uses. */
function isKeyOrModuleName(node: ts.Node): boolean {
  const parent = node.parent;
  if ((ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) && parent.name === node) return true;
  if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isExternalModuleReference(parent)) {
    return true;
  }
  return ts.isLiteralTypeNode(parent);
}

/** The constant text after the first substitution of a template, or undefined when some of it can change. */
function templateSuffix(node: ts.TemplateExpression): string | undefined {
  const [first, ...rest] = node.templateSpans;
  if (first === undefined) return undefined;
  let text = first.literal.text;
  for (const span of rest) {
    const part = constantText(span.expression);
    if (part === undefined) return undefined;
    text += part + span.literal.text;
  }
  return text;
}

/** `${os.tmpdir()}/name`: the folder first, then only constant text that names something. */
function isTmpdirTemplate(node: ts.TemplateExpression): boolean {
  const first = node.templateSpans[0];
  if (first === undefined || !isTmpdir(first.expression)) return false;
  const suffix = templateSuffix(node);
  return suffix !== undefined && suffix.replace(/^[\\/]+/, '') !== '';
}

/** `path.join(os.tmpdir(), 'name')` / `path.resolve(os.tmpdir(), 'a', 'b')` with constant names: the joined path. */
function tmpdirJoin(call: ts.CallExpression): string | undefined {
  if (call.arguments.length < 2) return undefined;
  const target = moduleFunction(call);
  if (target?.module !== 'path' || (target.name !== 'join' && target.name !== 'resolve')) return undefined;
  const args = [...call.arguments];
  // path.resolve starts over at its last absolute part; os.tmpdir() must be the part it starts from.
  const start = target.name === 'resolve' ? lastIndexWhere(args, isTmpdir) : lastIndexWhere(args.slice(0, 1), isTmpdir);
  if (start < 0 || start === args.length - 1) return undefined;
  const names = args.slice(start + 1).map((arg) => constantText(arg));
  if (names.some((name) => name === undefined || name.startsWith('/'))) return undefined;
  return `path.${target.name}(os.tmpdir(), ${names.map((name) => `'${name}'`).join(', ')})`;
}

function lastIndexWhere(args: ts.Expression[], test: (arg: ts.Expression) => boolean): number {
  for (let index = args.length - 1; index >= 0; index -= 1) if (test(args[index] as ts.Expression)) return index;
  return -1;
}

export const sharedTmpPath: Rule = {
  id: 'shared-tmp-path',
  summary: 'a hard-coded folder under /tmp, or os.tmpdir() joined with a fixed name',
  fix: FIX,
  check,
};
