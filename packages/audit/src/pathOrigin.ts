import ts from 'typescript';
import { calleeName, isProcessMember, memberName, memberObject, unwrap } from './ast';
import { callsModule, moduleFunction } from './modules';
import { type Binding, resolveBinding, valuesOf } from './scope';

/**
 * Where a path expression starts: a temp folder (`os.tmpdir()`, `mkdtempSync`, `tmpDir()`), the
 * test's folder (`__dirname`), the working directory (`process.cwd()` or a relative path), an
 * absolute path, or somewhere the file does not show (a parameter, an object's property...).
 */
export type PathOrigin = 'tmp' | 'dirname' | 'cwd' | 'relative' | 'absolute' | 'unknown';

/** Names of helpers that make temp folders: `tmpDir()`, `makeTempDir()`, `createTmpFolder()` (not "template"). */
const TEMP_HELPER = /tmp|temp(?!l)/i;

const MAX_DEPTH = 8;

export function literalOrigin(text: string): PathOrigin {
  if (text === '' || text.startsWith('~')) return 'unknown';
  if (text.startsWith('/') || text.startsWith('\\\\') || /^[A-Za-z]:[\\/]/.test(text)) return 'absolute';
  return 'relative';
}

/** What a variable met again while following its own values adds: nothing (`dir = path.join(dir, 'sub')`). */
const SEEN = 'seen' as const;

function combine(all: Array<PathOrigin | typeof SEEN>): PathOrigin {
  const origins = all.filter((origin): origin is PathOrigin => origin !== SEEN);
  if (origins.length === 0) return 'unknown';
  if (origins.includes('tmp')) return 'tmp';
  const first = origins[0] as PathOrigin;
  return origins.every((origin) => origin === first) ? first : 'unknown';
}

export function pathOrigin(expression: ts.Expression): PathOrigin {
  const origin = originOf(expression, 0, new Set());
  return origin === SEEN ? 'unknown' : origin;
}

function originOf(expression: ts.Expression, depth: number, seen: Set<Binding>): PathOrigin | typeof SEEN {
  if (depth > MAX_DEPTH) return 'unknown';
  const node = unwrap(expression);
  const next = (child: ts.Expression) => originOf(child, depth + 1, seen);
  if (ts.isStringLiteralLike(node)) return literalOrigin(node.text);
  if (ts.isTemplateExpression(node)) {
    if (node.head.text !== '') return literalOrigin(node.head.text);
    const first = node.templateSpans[0];
    return first === undefined ? 'unknown' : next(first.expression);
  }
  if (ts.isBinaryExpression(node)) {
    const operator = node.operatorToken.kind;
    if (operator === ts.SyntaxKind.PlusToken) return next(node.left);
    if (operator === ts.SyntaxKind.QuestionQuestionToken || operator === ts.SyntaxKind.BarBarToken) {
      return combine([next(node.left), next(node.right)]);
    }
    return 'unknown';
  }
  if (ts.isConditionalExpression(node)) return combine([next(node.whenTrue), next(node.whenFalse)]);
  if (ts.isAwaitExpression(node)) return next(node.expression);
  if (ts.isIdentifier(node)) return identifierOrigin(node, depth, seen);
  if (ts.isCallExpression(node)) return callOrigin(node, next);
  if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
    const object = memberObject(node);
    const name = memberName(node);
    if (object && ts.isMetaProperty(unwrap(object)) && (name === 'dirname' || name === 'filename')) return 'dirname';
  }
  return 'unknown';
}

function identifierOrigin(identifier: ts.Identifier, depth: number, seen: Set<Binding>): PathOrigin | typeof SEEN {
  const binding = resolveBinding(identifier);
  if (binding === undefined) {
    return identifier.text === '__dirname' || identifier.text === '__filename' ? 'dirname' : 'unknown';
  }
  if (seen.has(binding)) return SEEN;
  seen.add(binding);
  const values = valuesOf(binding);
  const origin = combine(values.map((value) => originOf(value, depth + 1, seen)));
  seen.delete(binding);
  return origin;
}

function callOrigin(
  call: ts.CallExpression,
  next: (child: ts.Expression) => PathOrigin | typeof SEEN,
): PathOrigin | typeof SEEN {
  if (isProcessMember(call.expression, 'cwd')) return 'cwd';
  if (callsModule(call, 'os', ['tmpdir'])) return 'tmp';
  const target = moduleFunction(call);
  if (target?.name === 'mkdtemp' || target?.name === 'mkdtempSync') return 'tmp';
  const args = call.arguments;
  if (target?.module === 'path') {
    if (target.name === 'join' || target.name === 'normalize' || target.name === 'dirname') {
      const first = args[0];
      return first === undefined ? 'unknown' : next(first);
    }
    if (target.name === 'resolve') {
      // path.resolve works right to left and stops at the first absolute part.
      for (let index = args.length - 1; index >= 0; index -= 1) {
        const origin = next(args[index] as ts.Expression);
        if (origin !== 'relative') return origin;
      }
      return 'cwd';
    }
    return 'unknown';
  }
  const name = calleeName(call);
  if (name !== undefined && TEMP_HELPER.test(name)) return 'tmp';
  return 'unknown';
}

/** How the README and messages name where a path starts. */
export function describeOrigin(origin: PathOrigin): string {
  switch (origin) {
    case 'dirname':
      return '__dirname (the source tree)';
    case 'cwd':
      return 'process.cwd() (usually the repository)';
    case 'relative':
      return 'a relative path (resolved against the working directory, usually the repository)';
    default:
      return origin;
  }
}
