import { hookLine, isJestInternalHook } from '../hookOrigin';

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
