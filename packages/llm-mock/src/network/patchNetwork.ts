import { fetchTarget, requestTarget } from './hosts';

/** What a guarded connection attempt is about. */
export interface NetworkCall {
  /** The API the app used: `fetch`, `http.request`, `https.get`, `socket` (any other client). */
  via: string;
  hostname: string;
  port: string;
  /** The URL (origin and path) when the API gives one. */
  url?: string;
}

/** Decides a call: the error to fail it with, or undefined to let it through. */
export type Decide = (call: NetworkCall) => Error | undefined;

interface Slot {
  decide: Decide | undefined;
}

type AnyFunction = (this: unknown, ...args: unknown[]) => unknown;

const SLOT = Symbol.for('@jest-perf/llm-mock/network-guard');
const PATCHED = Symbol.for('@jest-perf/llm-mock/patched');

// The real core modules, not TypeScript's import wrappers (whose properties are read-only getters):
// Jest hands every test file the same core module objects, so one patch per worker covers all of them,
// and `const { request } = require('node:http')` anywhere after it gets the guarded function.
const net = require('node:net') as typeof import('node:net');
const http = require('node:http') as typeof import('node:http');
const https = require('node:https') as typeof import('node:https');

/** The worker-wide slot on the shared `net` module: the current test file's guard puts its decision there. */
function slot(): Slot {
  const holder = net as unknown as { [SLOT]?: Slot };
  holder[SLOT] ??= { decide: undefined };
  return holder[SLOT];
}

function decide(call: NetworkCall | null): Error | undefined {
  return call ? slot().decide?.(call) : undefined;
}

function patch(owner: object, name: string, make: (original: AnyFunction) => AnyFunction): void {
  const record = owner as Record<string, AnyFunction & { [PATCHED]?: true }>;
  const original = record[name];
  if (typeof original !== 'function' || original[PATCHED]) return;
  const guarded = make(original) as AnyFunction & { [PATCHED]?: true };
  guarded[PATCHED] = true;
  record[name] = guarded;
}

function guardRequest(module: object, name: string, via: string, defaultPort: number): void {
  patch(
    module,
    name,
    (original) =>
      function guardedRequest(this: unknown, ...args: unknown[]) {
        const target = requestTarget(args, defaultPort);
        const error = decide(target && { via, ...target });
        if (error) throw error;
        return original.apply(this, args);
      },
  );
}

/** Socket-level target of `socket.connect(...)`: options object, `[options, cb]` (net.connect's form) or port + host. */
function socketTarget(args: readonly unknown[]): NetworkCall | null {
  let first = args[0];
  if (Array.isArray(first)) first = first[0];
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    return { via: 'socket', hostname: typeof args[1] === 'string' ? args[1] : 'localhost', port: String(first) };
  }
  if (!first || typeof first !== 'object') return null;
  const options = first as { port?: unknown; host?: unknown; path?: unknown };
  if (options.path !== undefined && options.port === undefined) return null; // a Unix socket or pipe
  const hostname = typeof options.host === 'string' ? options.host : 'localhost';
  return { via: 'socket', hostname, port: String(options.port) };
}

/**
 * Patches the network layer of this worker once: `http`/`https` `request` and `get` (a clear error
 * thrown where the app called), and `net.Socket#connect`, the one door every TCP client goes through
 * (undici, axios, a client destructured before the guard): a blocked connection is destroyed with the
 * guard's error. `decide` then answers for the current test file.
 */
export function installNetworkGuard(decideFor: Decide): void {
  slot().decide = decideFor;
  guardRequest(http, 'request', 'http.request', 80);
  guardRequest(http, 'get', 'http.get', 80);
  guardRequest(https, 'request', 'https.request', 443);
  guardRequest(https, 'get', 'https.get', 443);
  patch(
    net.Socket.prototype,
    'connect',
    (original) =>
      function guardedConnect(this: unknown, ...args: unknown[]) {
        const error = decide(socketTarget(args));
        if (!error) return original.apply(this, args);
        const socket = this as import('node:net').Socket;
        process.nextTick(() => socket.destroy(error));
        return socket;
      },
  );
}

/** Lets every connection through again (the patches stay; they ask nobody). For tests of the guard itself. */
export function clearNetworkGuard(): void {
  slot().decide = undefined;
}

/**
 * Patches `fetch` on a test file's global object (Jest gives each file its own): a blocked call
 * rejects with the guard's error instead of reaching the host. Kept connections of undici's pool never
 * reconnect, so the socket patch alone would miss a second call to the same host.
 */
export function guardFetch(scope: { fetch?: unknown }): void {
  const original = scope.fetch;
  if (typeof original !== 'function' || (original as { [PATCHED]?: true })[PATCHED]) return;
  const guarded = function guardedFetch(this: unknown, ...args: unknown[]) {
    const target = fetchTarget(args[0]);
    const error = decide(target && { via: 'fetch', ...target });
    if (error) return Promise.reject(error);
    return (original as AnyFunction).apply(this, args);
  } as AnyFunction & { [PATCHED]?: true };
  guarded[PATCHED] = true;
  scope.fetch = guarded;
}
