import { AsyncLocalStorage } from 'node:async_hooks';

/** Who is running: the test a piece of async work belongs to, or a cassette recording that may call out. */
export interface CallerContext {
  /** Full name of the test (describe titles and its title, joined by spaces, as Jest's currentTestName). */
  testName?: string;
  /** The describe titles and the test's title, for the trailing-tag rule on each. */
  titles?: readonly string[];
  /** Set inside a hook: `beforeAll`/`afterAll` belong to no test, `beforeEach`/`afterEach` to Jest's current one. */
  hook?: HookName;
  /** Set while the mock records a cassette from the real seam: real calls are the point then. */
  allowReal?: boolean;
}

/** The Jest hooks whose callbacks get their own context. */
export type HookName = 'beforeAll' | 'afterAll' | 'beforeEach' | 'afterEach';

const KEY = Symbol.for('@jest-perf/llm-mock/caller');

/**
 * One store per test file's global object, shared by every copy of this package the file loads (the
 * guard from a setup file, the mock from the test), like the seam registry.
 */
export function callerStorage(): AsyncLocalStorage<CallerContext> {
  const scope = globalThis as { [KEY]?: AsyncLocalStorage<CallerContext> };
  scope[KEY] ??= new AsyncLocalStorage<CallerContext>();
  return scope[KEY];
}

/** Runs `fn` as a cassette recording: the guards let its real calls through. */
export function allowingRealCalls<T>(fn: () => T): T {
  return callerStorage().run({ ...callerStorage().getStore(), allowReal: true }, fn);
}

type AnyFunction = (...args: unknown[]) => unknown;

/** `fn` run inside `context`, with the same `length` (Jest reads it to tell a `done` callback test). */
function bound(fn: AnyFunction, context: () => CallerContext): AnyFunction {
  const wrapped = function (this: unknown, ...args: unknown[]) {
    return callerStorage().run(context(), () => fn.apply(this, args));
  };
  Object.defineProperty(wrapped, 'length', { value: fn.length });
  return wrapped;
}

/** Names of the test API's chained forms that take `(title, fn)` again. */
const CHAINED = new Set(['only', 'skip', 'concurrent', 'failing']);

/**
 * Wraps Jest's `test`/`it` so every test function runs in its own async context that knows the test's
 * full name. `test.concurrent` tests run interleaved, and Jest's `currentTestName` names whichever one
 * started last; the context names the right one in every await of every test.
 */
export function wrapTestApi<T extends object>(api: T, describeTitles: () => readonly string[], each = false): T {
  return new Proxy(api, {
    apply(target, self, args: unknown[]) {
      const [title, fn] = args;
      if (typeof fn === 'function') {
        const outer = [...describeTitles()];
        const test = fn as AnyFunction;
        // a `.each` test learns its row when called, and its title is the template filled with that row
        const wrapped = function (this: unknown, ...row: unknown[]) {
          const titles = [...outer, each ? eachTitle(String(title), row) : String(title)];
          return callerStorage().run({ testName: titles.join(' '), titles }, () => test.apply(this, row));
        };
        Object.defineProperty(wrapped, 'length', { value: test.length });
        args[1] = wrapped;
      }
      return Reflect.apply(target as AnyFunction, self, args);
    },
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || typeof property !== 'string') return value;
      if (CHAINED.has(property)) return wrapTestApi(value as AnyFunction, describeTitles, each);
      if (property === 'each') {
        return (...table: unknown[]) =>
          wrapTestApi((value as AnyFunction).apply(target, table) as AnyFunction, describeTitles, true);
      }
      return value;
    },
  });
}

/**
 * The title Jest gives one row of a `.each` test, for the usual forms: printf placeholders (`%s`,
 * `%d`, `%i`, `%f`, `%j`, `%o`, `%p` read as `%s`, `%#` the row index is not known here) for array rows,
 * `$name` for object rows. Tags sit at the end of the template, so a rare mismatch only affects blame text.
 */
export function eachTitle(template: string, row: readonly unknown[]): string {
  const [first] = row;
  if (row.length === 1 && first && typeof first === 'object' && !Array.isArray(first) && template.includes('$')) {
    const record = first as Record<string, unknown>;
    return template.replace(/\$([A-Za-z_][\w.]*)/g, (whole, key: string) =>
      key in record ? String(record[key]) : whole,
    );
  }
  const values = row.length === 1 && Array.isArray(first) ? first : row;
  let index = 0;
  return template.replace(/%[sdifjop%]/g, (token) => {
    if (token === '%%') return '%';
    if (index >= values.length) return token;
    const value = values[index++];
    return token === '%j' || token === '%o' ? JSON.stringify(value) : String(value);
  });
}

/** Wraps a hook global (`beforeAll`…) so its callback runs in a context that says which hook it is. */
export function wrapHookApi<T extends object>(api: T, hook: HookName): T {
  return new Proxy(api, {
    apply(target, self, args: unknown[]) {
      if (typeof args[0] === 'function') args[0] = bound(args[0] as AnyFunction, () => ({ hook }));
      return Reflect.apply(target as AnyFunction, self, args);
    },
  });
}

/**
 * Wraps Jest's `describe` to keep the titles of the blocks being defined (their callbacks run at once,
 * while the file loads), so a test defined inside knows its full name.
 */
export function wrapDescribeApi<T extends object>(api: T, stack: string[]): T {
  return new Proxy(api, {
    apply(target, self, args: unknown[]) {
      const [title, fn] = args;
      if (typeof fn === 'function') {
        const body = fn as AnyFunction;
        args[1] = function (this: unknown, ...rest: unknown[]) {
          stack.push(String(title));
          try {
            return body.apply(this, rest);
          } finally {
            stack.pop();
          }
        };
      }
      return Reflect.apply(target as AnyFunction, self, args);
    },
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || typeof property !== 'string') return value;
      if (property === 'only' || property === 'skip') return wrapDescribeApi(value as AnyFunction, stack);
      if (property === 'each') {
        return (...table: unknown[]) =>
          wrapDescribeApi((value as AnyFunction).apply(target, table) as AnyFunction, stack);
      }
      return value;
    },
  });
}
