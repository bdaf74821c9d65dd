/**
 * @jest-perf-audit-allow-file fixed-port: these are the addresses the guard blocks before any connection is made;
 * no server listens on them, and the tests that need one start it on port 0
 */
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import * as net from 'node:net';
import { guardLlmNetwork } from '../guardNetwork';
import { allowingRealCalls, callerStorage, eachTitle, wrapHookApi, wrapTestApi } from '../network/attribution';
import { currentCaller } from '../network/callerTracking';
import { fetchTarget, hostRules, matchesHost, parseHost, requestTarget } from '../network/hosts';
import { clearNetworkGuard, guardFetch, installNetworkGuard, type NetworkCall } from '../network/patchNetwork';

describe('hosts', () => {
  it('reads host:port, bare hosts and URLs, as OLLAMA_HOST does', () => {
    expect(parseHost('127.0.0.1:11434')).toEqual({ hostname: '127.0.0.1', port: '11434' });
    expect(parseHost('API.example.com')).toEqual({ hostname: 'api.example.com', port: undefined });
    expect(parseHost('https://api.example.com:8443/v1')).toEqual({ hostname: 'api.example.com', port: '8443' });
    expect(parseHost('http://[::1]:11434')).toEqual({ hostname: '::1', port: '11434' });
  });

  it.each(['', '   ', 'http://', undefined as unknown as string])('refuses %j with the option named', (entry) => {
    expect(() => parseHost(entry)).toThrow(expect.objectContaining({ code: 'JEST_PERF_LLM_USAGE' }));
  });

  it('defaults to OLLAMA_HOST, else to Ollama’s own address', () => {
    expect(hostRules(undefined, { OLLAMA_HOST: 'gpu-box:9000' })).toEqual([{ hostname: 'gpu-box', port: '9000' }]);
    expect(hostRules([], {}).map((rule) => `${rule.hostname}:${rule.port}`)).toEqual([
      '127.0.0.1:11434',
      'localhost:11434',
    ]);
  });

  it('matches a rule without a port on any port, one with a port on that port only', () => {
    const rules = hostRules(['llm.internal', '127.0.0.1:11434']);
    expect(matchesHost(rules, 'LLM.internal', 443)).toBe(true);
    expect(matchesHost(rules, '127.0.0.1', '11434')).toBe(true);
    expect(matchesHost(rules, '127.0.0.1', '8080')).toBe(false);
    expect(matchesHost(rules, 'elsewhere', '11434')).toBe(false);
  });

  it('finds the target of every http.request form and of fetch', () => {
    expect(requestTarget(['http://h:1/p?q'], 80)).toEqual({ hostname: 'h', port: '1', url: 'http://h:1/p' });
    expect(requestTarget([new URL('https://h/x')], 443)).toMatchObject({ hostname: 'h', port: '443' });
    expect(requestTarget([{ host: 'h:5', port: 5 }], 80)).toEqual({ hostname: 'h', port: '5' });
    expect(requestTarget(['http://h/', { method: 'POST' }], 80)).toMatchObject({ hostname: 'h', port: '80' });
    expect(requestTarget([{}], 80)).toEqual({ hostname: 'localhost', port: '80' });
    expect(requestTarget([undefined], 80)).toEqual({ hostname: 'localhost', port: '80' });
    expect(requestTarget(['not a url'], 80)).toBeNull();
    expect(fetchTarget('https://h/v1/chat')).toEqual({ hostname: 'h', port: '443', url: 'https://h/v1/chat' });
    expect(fetchTarget({ url: 'http://h:9/x' })).toMatchObject({ hostname: 'h', port: '9' });
    expect(fetchTarget(new URL('http://h/'))).toMatchObject({ port: '80' });
    expect(fetchTarget('relative/path')).toBeNull();
  });
});

describe('attribution', () => {
  it('fills a .each title from its row', () => {
    expect(eachTitle('adds %s and %d', [['a', 2]])).toBe('adds a and 2');
    expect(eachTitle('adds %s and %d', ['a', 2])).toBe('adds a and 2');
    expect(eachTitle('uses $name at $age years @real_llm', [{ name: 'Ann', age: 70 }])).toBe(
      'uses Ann at 70 years @real_llm',
    );
    expect(eachTitle('100%% of %j', [[{ a: 1 }]])).toBe('100% of {"a":1}');
    expect(eachTitle('keeps %s %s', [['one']])).toBe('keeps one %s');
    expect(eachTitle('keeps $missing', [{ other: 1 }])).toBe('keeps $missing');
  });

  it('runs each test and hook function in a context naming it, keeping its arity', async () => {
    const defined: { title: string; fn: (...args: unknown[]) => unknown }[] = [];
    const fakeTest = Object.assign(
      (title: string, fn: (...args: unknown[]) => unknown) => defined.push({ title, fn }),
      {
        concurrent: Object.assign((title: string, fn: (...args: unknown[]) => unknown) => defined.push({ title, fn }), {
          each:
            (...table: unknown[]) =>
            (title: string, fn: (...args: unknown[]) => unknown) =>
              defined.push(...(table[0] as unknown[][]).map((row) => ({ title, fn: () => fn(...row) }))),
        }),
        todo: 'not a function',
      },
    );
    const wrapped = wrapTestApi(fakeTest, () => ['outer']);
    wrapped('plain @real_llm', (done: unknown) => currentCaller(undefined).titles && done);
    wrapped.concurrent.each([['x']])('row %s', async () => currentCaller('wrong').testName);
    expect(wrapped.todo).toBe('not a function');

    expect(defined[0]?.fn.length).toBe(1);
    expect(defined[0]?.fn('done')).toBe('done');
    expect(await defined[1]?.fn()).toBe('outer row x');

    let hookCaller: unknown;
    const fakeHook = (fn: () => unknown) => {
      hookCaller = fn();
    };
    wrapHookApi(fakeHook, 'afterAll')(() => currentCaller('stale test name'));
    expect(hookCaller).toEqual({ testName: undefined, titles: undefined, hook: 'afterAll', allowReal: false });
  });

  it('marks cassette recordings as allowed to call out', () => {
    expect(allowingRealCalls(() => currentCaller(undefined).allowReal)).toBe(true);
    expect(callerStorage().getStore()).toBeUndefined();
    expect(currentCaller('t')).toEqual({ testName: 't', titles: undefined, hook: undefined, allowReal: false });
  });
});

describe('the network patches', () => {
  const reached: string[] = [];
  const server = http.createServer((request, response) => {
    reached.push(request.url ?? '');
    response.end('ok');
  });
  let port = 0;
  const calls: NetworkCall[] = [];
  const blockEverythingTo = (call: NetworkCall) => {
    calls.push(call);
    return call.port === String(port) ? new Error(`blocked ${call.via}`) : undefined;
  };

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    clearNetworkGuard();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    calls.length = 0;
    installNetworkGuard(blockEverythingTo);
  });

  it('throws from http/https request and get, before connecting', () => {
    expect(() => http.get(`http://127.0.0.1:${port}/get`)).toThrow('blocked http.get');
    expect(() => http.request({ host: '127.0.0.1', port, path: '/request' })).toThrow('blocked http.request');
    expect(() => https.get(`https://127.0.0.1:${port}/s`)).toThrow('blocked https.get');
    expect(() => https.request(`https://127.0.0.1:${port}/s`)).toThrow('blocked https.request');
    expect(reached).toEqual([]);
  });

  it('destroys a raw socket to the host with the guard’s error', async () => {
    const socket = net.connect(port, '127.0.0.1');
    await expect(new Promise((_resolve, reject) => socket.on('error', reject))).rejects.toThrow('blocked socket');
    const viaOptions = new net.Socket().connect({ port, host: '127.0.0.1' });
    await expect(new Promise((_resolve, reject) => viaOptions.on('error', reject))).rejects.toThrow('blocked socket');
  });

  it('rejects a guarded fetch and lets other hosts through', async () => {
    const scope: { fetch?: unknown } = { fetch: async () => 'real answer' };
    guardFetch(scope);
    guardFetch(scope); // patched once
    const guarded = scope.fetch as (input: unknown) => Promise<unknown>;
    await expect(guarded(`http://127.0.0.1:${port}/f`)).rejects.toThrow('blocked fetch');
    await expect(guarded('http://127.0.0.1:1/other')).resolves.toBe('real answer');
    expect(calls.map((call) => call.via)).toEqual(['fetch', 'fetch']);
  });

  it('lets everything through once cleared', async () => {
    clearNetworkGuard();
    const status = await new Promise((resolve) =>
      http.get(`http://127.0.0.1:${port}/open`, (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode));
      }),
    );
    expect(status).toBe(200);
    expect(reached).toEqual(['/open']);
  });
});

describe('guardLlmNetwork', () => {
  afterAll(() => clearNetworkGuard());

  function fakeJest(currentTestName: string | undefined) {
    const hooks: Record<string, (() => unknown)[]> = { beforeAll: [], afterEach: [] };
    const globals = {
      expect: { getState: () => ({ currentTestName, testPath: '/p/a.test.ts' }) },
      beforeAll: (fn: () => unknown) => hooks.beforeAll?.push(fn),
      afterEach: (fn: () => unknown) => hooks.afterEach?.push(fn),
    };
    return { hooks, globals };
  }

  it('blocks an untagged test, names it and fails it in afterEach; lets a tagged one through', () => {
    const { hooks, globals } = fakeJest('group counts');
    guardLlmNetwork({ hosts: ['127.0.0.1:1'], globals });
    expect(() => http.get('http://127.0.0.1:1/x')).toThrow(
      'Real LLM call from a unit test: group counts. Use the mock (useLlmMock) or tag the test @real_llm.',
    );
    expect(() => hooks.afterEach?.[0]?.()).toThrow('1 real LLM call(s) blocked in this test');
    expect(() => hooks.afterEach?.[0]?.()).not.toThrow();
  });

  it('says a call came while the file loads, then from a hook', () => {
    const { hooks, globals } = fakeJest(undefined);
    guardLlmNetwork({ hosts: ['127.0.0.1:1'], globals, failTestOnBlockedCall: false });
    expect(() => http.get('http://127.0.0.1:1/x')).toThrow('while a.test.ts loads');
    hooks.beforeAll?.[0]?.();
    expect(() => http.get('http://127.0.0.1:1/x')).toThrow('a beforeAll/afterAll hook of a.test.ts');
    expect(() => hooks.afterEach?.[0]?.()).not.toThrow();
  });

  it('allows a test whose title ends with the tag, and cassette recordings', () => {
    const { globals } = fakeJest('group counts @real_llm');
    guardLlmNetwork({ hosts: ['127.0.0.1:1'], globals });
    expect(() => http.get('http://127.0.0.1:1/x').on('error', () => {})).not.toThrow();
    const { globals: untagged } = fakeJest('plain');
    guardLlmNetwork({ hosts: ['127.0.0.1:1'], globals: untagged });
    expect(() => allowingRealCalls(() => http.get('http://127.0.0.1:1/x').on('error', () => {}))).not.toThrow();
  });
});
