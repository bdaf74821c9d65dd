import * as path from 'node:path';

const CIRCUS_DIR = `${path.sep}jest-circus${path.sep}`;

function stackFrames(error: Error | undefined): string[] {
  return (error?.stack ?? '').split('\n').filter((line) => line.trimStart().startsWith('at '));
}

/**
 * Jest adds one `beforeEach` of its own to every file (for resetMocks/clearMocks...). It is defined
 * from jest-circus's runner, so the first frame of the hook's definition stack is inside jest-circus.
 */
export function isJestInternalHook(asyncError: Error | undefined, fn?: unknown): boolean {
  // Jest's own hook resets modules and mocks per config (jest-circus runner): recognising it by its
  // source avoids formatting a stack, which goes through Jest's source maps (~1 ms per file).
  if (typeof fn === 'function' && Function.prototype.toString.call(fn).includes('resetModules')) return true;
  const first = stackFrames(asyncError)[0];
  return first?.includes(CIRCUS_DIR) === true;
}

/** 1-based line where the hook was declared in the test file, when its stack shows it. */
export function hookLine(asyncError: Error | undefined, testPath: string): number | undefined {
  const frame = stackFrames(asyncError).find((line) => line.includes(testPath));
  const match = frame ? /:(\d+):\d+\)?$/.exec(frame) : null;
  return match ? Number(match[1]) : undefined;
}
