import * as path from 'node:path';

const CIRCUS_DIR = `${path.sep}jest-circus${path.sep}`;

/** Node's types say `Error.prepareStackTrace` is always set; it is unset until something installs one. */
const V8Error = Error as { prepareStackTrace?: (error: Error, frames: NodeJS.CallSite[]) => unknown };

function stackFrames(stack: string | undefined): string[] {
  return (stack ?? '').split('\n').filter((line) => line.trimStart().startsWith('at '));
}

/**
 * Jest adds one `beforeEach` of its own to every file (for resetMocks/clearMocks...). It is defined
 * from jest-circus's runner, so the first frame of the hook's definition stack is inside jest-circus.
 */
export function isJestInternalHook(asyncError: Error | undefined, fn?: unknown): boolean {
  // Jest's own hook resets modules and mocks per config (jest-circus runner): recognising it by its
  // source avoids formatting a stack, which goes through Jest's source maps (~1 ms per file).
  if (typeof fn === 'function' && Function.prototype.toString.call(fn).includes('resetModules')) return true;
  const first = stackFrames(asyncError?.stack)[0];
  return first?.includes(CIRCUS_DIR) === true;
}

/**
 * `error.stack` with only the frames in `testPath`, when the stack is not formatted yet. The installed
 * formatter (Jest's source-map support) maps every frame it is given and reads each frame's file to do
 * so: the whole definition stack of a hook (jest-circus, jest-runtime...) cost ~1.7 ms, one frame a
 * fraction of that, and the test file's frame still gets its source-mapped line (a TypeScript test).
 * A file Jest does not transform has no map to consult: its frames are formatted here, for nothing.
 * V8 formats a stack once, on first access, so this changes nothing once something else has read it.
 */
function testFileStack(error: Error, testPath: string, transformed: boolean): string | undefined {
  const installed = V8Error.prepareStackTrace;
  const format = transformed ? installed : undefined;
  V8Error.prepareStackTrace = (formatted, frames) => {
    const own = frames.filter((frame) => frame.getFileName()?.includes(testPath) === true);
    return format ? format(formatted, own) : `${formatted}${own.map((frame) => `\n    at ${frame}`).join('')}`;
  };
  try {
    return error.stack;
  } finally {
    V8Error.prepareStackTrace = installed;
  }
}

/**
 * 1-based line where the hook was declared in the test file, when its stack shows it. `transformed`
 * says whether Jest transforms the test file (see {@link isTransformed}): only then can the line the
 * stack shows differ from the line in the file, and only then is Jest's source-map support asked.
 */
export function hookLine(asyncError: Error | undefined, testPath: string, transformed = true): number | undefined {
  const stack = asyncError && testFileStack(asyncError, testPath, transformed);
  const frame = stackFrames(stack).find((line) => line.includes(testPath));
  const match = frame ? /:(\d+):\d+\)?$/.exec(frame) : null;
  return match ? Number(match[1]) : undefined;
}

const patterns = new Map<string, RegExp>();

/**
 * Whether a `transform` pattern of the project matches `testPath`, as Jest matches them. True when
 * the config does not say: a file taken for transformed only costs a trip through the source maps.
 */
export function isTransformed(transform: unknown, testPath: string): boolean {
  if (!Array.isArray(transform)) return true;
  return transform.some((entry) => {
    const source = Array.isArray(entry) ? entry[0] : undefined;
    if (typeof source !== 'string') return true;
    let pattern = patterns.get(source);
    if (!pattern) {
      pattern = new RegExp(source);
      patterns.set(source, pattern);
    }
    return pattern.test(testPath);
  });
}
