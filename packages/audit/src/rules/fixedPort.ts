import ts from 'typescript';
import { calleeName, isAssertionOrTableData, memberName, unwrap, walk } from '../ast';
import { constantText } from '../constant';
import type { Rule, RuleHit } from './rule';

const LOCAL_HOST = String.raw`(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])`;

/** A whole string that is a local address with a port: `localhost:3000`, `http://127.0.0.1:8080/api?x=1`. */
const LOCAL_ADDRESS = new RegExp(
  String.raw`^(?:[a-z][a-z0-9+.-]*://(?:[^@/\s]+@)?)?(${LOCAL_HOST}):(\d{1,5})(?:[/?#]\S*)?$`,
  'i',
);

/** Calls that start a server or open a connection with an options object: `listen({ port })`, `net.connect({ port })`. */
const SERVER_OR_CLIENT_CALL = /^(?:listen|serve|start\w*|create\w*(?:Server|Connection|Client)|connect|request|get)$/;

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

/** True when an options object goes straight to a server or client: `new WebSocketServer({ port })`, `listen({ port })`. */
function isServerOrClientOptions(object: ts.ObjectLiteralExpression): boolean {
  const parent = unwrap(object).parent;
  if (ts.isNewExpression(parent)) return parent.arguments?.includes(object) === true;
  if (!ts.isCallExpression(parent) || !parent.arguments.includes(object)) return false;
  const name = calleeName(parent);
  return name !== undefined && SERVER_OR_CLIENT_CALL.test(name);
}

/** The text a string literal or template stands for, substitutions as `0` (a port from a variable is no fixed port). */
function addressText(node: ts.StringLiteralLike | ts.TemplateExpression): string {
  if (!ts.isTemplateExpression(node)) return node.text;
  return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join('\u0000');
}

/** A port in a string that is, as a whole, a well-formed local URL or host:port (not prose that contains one). */
function fixedAddress(node: ts.StringLiteralLike | ts.TemplateExpression): string | undefined {
  const text = addressText(node);
  const filled = text.split('\u0000').join('x');
  const match = LOCAL_ADDRESS.exec(filled);
  // A substitution right after the colon (`localhost:${port}`) is a port read from a variable.
  if (!match || text.includes(`:${match[2]}\u0000`)) return undefined;
  const port = Number(match[2]);
  if (port < 1 || port > 65535) return undefined;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(filled) && !URL.canParse(filled)) return undefined;
  return `${match[1]}:${port}`;
}

/** `nock('http://localhost:3000')` and msw's `http.get(url, resolver)` intercept requests: no port is used. */
function isInterceptorUrl(node: ts.Node): boolean {
  const call = unwrap(node as ts.Expression).parent;
  if (!ts.isCallExpression(call) || call.arguments[0] !== node) return false;
  const callee = unwrap(call.expression);
  if (ts.isIdentifier(callee)) return callee.text === 'nock';
  const handler = call.arguments[1];
  return (
    ts.isPropertyAccessExpression(callee) &&
    ts.isIdentifier(callee.expression) &&
    ['http', 'rest', 'graphql'].includes(callee.expression.text) &&
    handler !== undefined &&
    (ts.isArrowFunction(handler) || ts.isFunctionExpression(handler))
  );
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
      if (port !== undefined && isServerOrClientOptions(node.parent) && !isAssertionOrTableData(node.initializer)) {
        hits.push({
          node: node.initializer,
          message: `port: ${port} is a fixed port: two workers (or two runs) using it collide`,
        });
      }
    } else if (ts.isStringLiteralLike(node) || ts.isTemplateExpression(node)) {
      const address = fixedAddress(node);
      if (address !== undefined && !isAssertionOrTableData(node) && !isModuleName(node) && !isInterceptorUrl(node)) {
        hits.push({ node, message: `${address} is a fixed address: a server there is shared by every worker` });
      }
    }
  });
  return hits;
}

function isModuleName(node: ts.Node): boolean {
  const parent = unwrap(node as ts.Expression).parent;
  return ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isLiteralTypeNode(parent);
}

export const fixedPort: Rule = {
  id: 'fixed-port',
  summary:
    'a server listening or a client connecting on a fixed port: .listen(3000), new WebSocketServer({ port: 8080 }), "http://localhost:3000/api"',
  fix: FIX,
  check,
};
