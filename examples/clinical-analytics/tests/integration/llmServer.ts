import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LlmCallOptions } from '../../src/llm/callLlm';
import type { Filter } from '../../src/query/types';
import { faultyModel, usingStandin } from '../fixtures/llm';

/** The URL of a loopback port nothing listens on (a server that is not running). */
export async function closedPortUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

/**
 * Call options that make the server in OLLAMA_HOST time out: the stand-in's `slow` fault (it answers
 * after a minute) with 500 ms to wait; a real server gets 50 ms, too little for any model to answer.
 */
export function timeoutOptions(): LlmCallOptions {
  return usingStandin ? { model: faultyModel('slow'), timeoutMs: 500 } : { timeoutMs: 50 };
}

/** True for a lower age bound of `value` (a real model may say `gt` or `gte`). */
export function isAgeAbove(filter: Filter, value: number): boolean {
  return filter.field === 'age' && (filter.op === 'gt' || filter.op === 'gte') && filter.value === value;
}
