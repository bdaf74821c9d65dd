import { hookLine, isJestInternalHook, isTransformed } from '../hookOrigin';

const TEST_PATH = '/repo/src/__tests__/math.test.ts';

function errorWithStack(...frames: string[]): Error {
  const error = new Error('hook');
  error.stack = ['Error: hook', ...frames.map((frame) => `    at ${frame}`)].join('\n');
  return error;
}

describe('isJestInternalHook', () => {
  it("is true when the first frame is inside jest-circus (Jest's own beforeEach)", () => {
    const error = errorWithStack(
      'jestAdapter (/repo/node_modules/.pnpm/jest-circus@30.5.2/node_modules/jest-circus/build/jestAdapter.js:80:5)',
      `Object.<anonymous> (${TEST_PATH}:3:1)`,
    );

    expect(isJestInternalHook(error)).toBe(true);
  });

  it('is false for a hook declared in the test file, even if jest-circus frames follow', () => {
    const error = errorWithStack(
      `Object.<anonymous> (${TEST_PATH}:3:1)`,
      '_callCircusTest (/repo/node_modules/jest-circus/build/run.js:1:1)',
    );

    expect(isJestInternalHook(error)).toBe(false);
  });

  it('is false without an error or without frames', () => {
    const noStack = new Error('x');
    noStack.stack = undefined;

    expect(isJestInternalHook(undefined)).toBe(false);
    expect(isJestInternalHook(noStack)).toBe(false);
  });
});

describe('hookLine', () => {
  it('finds the line of the first frame in the test file', () => {
    const error = errorWithStack(
      'helper (/repo/src/helpers.ts:40:2)',
      `Object.<anonymous> (${TEST_PATH}:17:5)`,
      `other (${TEST_PATH}:90:1)`,
    );

    expect(hookLine(error, TEST_PATH)).toBe(17);
  });

  it('reads frames without parentheses', () => {
    expect(hookLine(errorWithStack(`${TEST_PATH}:8:3`), TEST_PATH)).toBe(8);
  });

  it('is undefined when no frame is in the test file', () => {
    expect(hookLine(errorWithStack('helper (/repo/src/helpers.ts:40:2)'), TEST_PATH)).toBeUndefined();
    expect(hookLine(undefined, TEST_PATH)).toBeUndefined();
  });

  it('is undefined when the frame has no line number', () => {
    expect(hookLine(errorWithStack(`Object.<anonymous> (${TEST_PATH})`), TEST_PATH)).toBeUndefined();
  });
});

describe('hookLine on a stack not formatted yet', () => {
  /** Node's types say `Error.prepareStackTrace` is always set; these tests also unset it. */
  const V8Error = Error as { prepareStackTrace?: (error: Error, frames: NodeJS.CallSite[]) => unknown };

  /** A formatter like Jest's source-map support: it records the frames it is given. */
  function recordingFormatter(seen: NodeJS.CallSite[][]): (error: Error, frames: NodeJS.CallSite[]) => string {
    return (error, frames) => {
      seen.push(frames);
      const lines = frames.map(
        (frame) => `    at ${frame.getFileName()}:${frame.getLineNumber()}:${frame.getColumnNumber()}`,
      );
      return [`${error.name}: ${error.message}`, ...lines].join('\n');
    };
  }

  function declaredHere(): Error {
    return new Error('hook');
  }

  let saved: typeof V8Error.prepareStackTrace;

  beforeEach(() => {
    saved = V8Error.prepareStackTrace;
  });

  afterEach(() => {
    V8Error.prepareStackTrace = saved;
  });

  it('hands the installed formatter only the frames in the test file, then puts it back', () => {
    const seen: NodeJS.CallSite[][] = [];
    const formatter = recordingFormatter(seen);
    V8Error.prepareStackTrace = formatter;
    const error = declaredHere();

    const line = hookLine(error, __filename);

    expect(seen).toHaveLength(1);
    expect(seen[0]!.length).toBeGreaterThan(0);
    expect(seen[0]!.every((frame) => frame.getFileName() === __filename)).toBe(true);
    expect(line).toBe(seen[0]![0]!.getLineNumber());
    expect(V8Error.prepareStackTrace).toBe(formatter);
  });

  it('formats the test file frames itself when no formatter is installed', () => {
    V8Error.prepareStackTrace = undefined;
    const error = declaredHere();
    const seen: NodeJS.CallSite[][] = [];
    const expected = (() => {
      V8Error.prepareStackTrace = recordingFormatter(seen);
      const probe = declaredHere();
      void probe.stack;
      V8Error.prepareStackTrace = undefined;
      return seen[0]!.find((frame) => frame.getFileName() === __filename)!.getLineNumber();
    })();

    expect(hookLine(error, __filename)).toBe(expected);
    expect(V8Error.prepareStackTrace).toBeUndefined();
  });

  it('does not ask the installed formatter for a file Jest does not transform', () => {
    const seen: NodeJS.CallSite[][] = [];
    const formatter = recordingFormatter(seen);
    const error = declaredHere();
    V8Error.prepareStackTrace = recordingFormatter([]);
    const probe = declaredHere();
    void probe.stack;
    V8Error.prepareStackTrace = formatter;

    const line = hookLine(error, __filename, false);

    expect(seen).toEqual([]);
    expect(line).toBe(hookLine(probe, __filename));
    expect(V8Error.prepareStackTrace).toBe(formatter);
  });

  it('reads a stack something else formatted before as it is', () => {
    const seen: NodeJS.CallSite[][] = [];
    const error = declaredHere();
    void error.stack;
    V8Error.prepareStackTrace = recordingFormatter(seen);

    hookLine(error, __filename);

    expect(seen).toEqual([]);
  });
});

describe('isTransformed', () => {
  const TS = ['^.+\\.[cm]?tsx?$', '/repo/node_modules/ts-jest/dist/index.js', {}];

  it('is true when a transform pattern matches the test file', () => {
    expect(isTransformed([TS], '/repo/src/math.test.ts')).toBe(true);
  });

  it('is false when no transform pattern matches, or there is no transform', () => {
    expect(isTransformed([TS], '/repo/src/math.test.js')).toBe(false);
    expect(isTransformed([], '/repo/src/math.test.js')).toBe(false);
  });

  it('is true when the config does not say', () => {
    expect(isTransformed(undefined, '/repo/a.test.js')).toBe(true);
    expect(isTransformed(['not an entry'], '/repo/a.test.js')).toBe(true);
  });
});
