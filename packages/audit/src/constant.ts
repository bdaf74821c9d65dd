import ts from 'typescript';
import { unwrap } from './ast';
import { constValue } from './scope';

/**
 * The text an expression always has, when the file shows it: literals, templates and `+` of such,
 * and `const` names bound to them. Undefined for anything that can differ between runs or tests.
 */
export function constantText(expression: ts.Expression, depth = 0): string | undefined {
  if (depth > 6) return undefined;
  const node = unwrap(expression);
  if (ts.isStringLiteralLike(node) || ts.isNumericLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) {
    let text = node.head.text;
    for (const span of node.templateSpans) {
      const part = constantText(span.expression, depth + 1);
      if (part === undefined) return undefined;
      text += part + span.literal.text;
    }
    return text;
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = constantText(node.left, depth + 1);
    const right = left === undefined ? undefined : constantText(node.right, depth + 1);
    return left === undefined || right === undefined ? undefined : left + right;
  }
  if (ts.isIdentifier(node)) {
    const value = constValue(node);
    return value === undefined ? undefined : constantText(value, depth + 1);
  }
  return undefined;
}

export function isConstant(expression: ts.Expression): boolean {
  return constantText(expression) !== undefined;
}
