import ts from 'typescript';
import { inAfterHook, isProcessMember, memberName, walk } from '../ast';
import { constantText } from '../constant';
import { runsSerially } from '../serial';
import type { FileInfo, Rule, RuleHit } from './rule';

const FIX =
  'tag the file serial (a /** @tags serial */ docblock) so `jest-perf test` runs it in band after the parallel ' +
  'lane, or allow it with a reason: // jest-perf-audit-allow signal: <why>';

const LISTENER_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener', 'emit']);

const SIGNAL = /^SIG[A-Z0-9]+$/;

function signalOf(argument: ts.Expression | undefined): string | undefined {
  const text = argument === undefined ? undefined : constantText(argument);
  return text !== undefined && SIGNAL.test(text) ? text : undefined;
}

/** What a call does with a signal, in words for the message; undefined when it is no signal use. */
function signalUse(call: ts.CallExpression): string | undefined {
  const method = memberName(call.expression);
  if (method === undefined) return undefined;
  if (isProcessMember(call.expression, 'kill')) {
    return `process.kill(…${signalOf(call.arguments[1]) ? `, '${signalOf(call.arguments[1])}'` : ''}) sends a real signal (to the Jest worker itself when the pid is process.pid)`;
  }
  if (isProcessMember(call.expression, method) && LISTENER_METHODS.has(method)) {
    const signal = signalOf(call.arguments[0]);
    if (signal === undefined) return undefined;
    return method === 'emit'
      ? `process.emit('${signal}') fakes a ${signal} inside this file`
      : `process.${method}('${signal}') handles ${signal}: Jest gives each file its own process object, so only process.emit in this file reaches it, not a signal sent to the worker`;
  }
  if (method === 'kill') {
    const signal = signalOf(call.arguments[0]);
    // child.kill() with no signal in a cleanup hook is cleanup, not a test of signal handling.
    if (signal === undefined || inAfterHook(call)) return undefined;
    return `.kill('${signal}') sends ${signal} to another process: the test depends on how fast it reacts (slow when the workers load the CPU)`;
  }
  return undefined;
}

/** signal (a serial candidate): the file sends or handles signals. */
function check(sourceFile: ts.SourceFile, info: FileInfo): RuleHit[] {
  if (!sourceFile.text.includes('kill') && !sourceFile.text.includes('SIG')) return [];
  const uses: { node: ts.Node; message: string }[] = [];
  walk(sourceFile, (node) => {
    if (!ts.isCallExpression(node) || runsSerially(node, info)) return;
    const message = signalUse(node);
    if (message !== undefined) uses.push({ node, message });
  });
  const first = uses[0];
  if (first === undefined) return [];
  const more = uses.length > 1 ? ` (${uses.length} signal uses in this file)` : '';
  return [{ node: first.node, message: `${first.message}${more}` }];
}

export const signal: Rule = {
  id: 'signal',
  summary: "serial candidate: process.kill(), child.kill('SIGTERM'), process.on('SIGINT', …)",
  fix: FIX,
  check,
};
