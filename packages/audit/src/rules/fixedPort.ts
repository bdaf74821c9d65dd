import ts from 'typescript';
import { isAssertionOrTableData, memberName, unwrap, walk } from '../ast';
import { constantText } from '../constant';
import type { Rule, RuleHit } from './rule';

/** `localhost:3000`, `127.0.0.1:8080`, `0.0.0.0:80`, `[::1]:9229` inside a string. */
const HOST_PORT = /(?:^|[^\w.-])(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\]):(\d{1,5})(?!\d)/;

const FIX =
  'listen on port 0 and read the port the system assigned (server.address().port), then pass that to the client';

/** The port a constant expression holds, when it is a real (non-zero) port number. */
function fixedPortValue(expression: ts.Expression): number | undefined {
  const text = constantText(expression);
  if (text === undefined || !/^\d{1,5}$/.test(text)) return undefined;
  const port = Number(text);
  return port >= 1 && port <= 65535 ? port : undefined;
}

function propertyKey(name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name)) return name.text;
  return undefined;
}

function check(sourceFile: ts.SourceFile): RuleHit[] {
  const hits: RuleHit[] = [];
  walk(sourceFile, (node) => {
    if (ts.isCallExpression(node) && memberName(node.expression) === 'listen' && node.arguments[0] !== undefined) {
      const argument = node.arguments[0];
      const port = fixedPortValue(argument);
      if (port !== undefined && !isAssertionOrTableData(node)) {
        hits.push({ node: argument, message: `listen(${port}) binds a fixed port: two workers (or two runs) collide` });
      }
    } else if (ts.isPropertyAssignment(node) && propertyKey(node.name)?.toLowerCase() === 'port') {
      const port = fixedPortValue(node.initializer);
      if (port !== undefined && !isAssertionOrTableData(node.initializer)) {
        hits.push({
          node: node.initializer,
          message: `port: ${port} is a fixed port: two workers (or two runs) using it collide`,
        });
      }
    } else if (ts.isStringLiteralLike(node) || ts.isTemplateExpression(node)) {
      const match = HOST_PORT.exec(stringParts(node));
      const port = match ? Number(match[1]) : 0;
      if (port >= 1 && port <= 65535 && !isAssertionOrTableData(node) && !isModuleName(node)) {
        hits.push({
          node,
          message: `${match?.[0].replace(/^[^\w[]/, '')} is a fixed address: a server there is shared by every worker`,
        });
      }
    }
  });
  return hits;
}

/** The literal text of a string or template (substitutions left out, so `:${port}` never matches). */
function stringParts(node: ts.StringLiteralLike | ts.TemplateExpression): string {
  if (!ts.isTemplateExpression(node)) return node.text;
  return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join('\u0000');
}

function isModuleName(node: ts.Node): boolean {
  const parent = unwrap(node as ts.Expression).parent;
  return ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isLiteralTypeNode(parent);
}

export const fixedPort: Rule = {
  id: 'fixed-port',
  summary: 'a server or client on a fixed port: .listen(3000), port: 8080, "localhost:3000"',
  fix: FIX,
  check,
};
