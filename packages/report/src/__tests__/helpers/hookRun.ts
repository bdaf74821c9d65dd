import { makeFile, makeHook, makeRun, makeTest } from './runs';

/** Four hooks: a shared slow beforeEach, a slow-per-test beforeEach, a costly beforeAll, a cheap afterEach. */
export function hookRun() {
  return makeRun({
    tests: [makeTest({ title: 't', durationMs: 10 })],
    files: [
      makeFile({ path: 'src/cheap.test.ts', hooks: [makeHook({ type: 'afterEach', calls: 20, totalMs: 2_000 })] }),
      makeFile({
        path: 'src/slow.test.ts',
        hooks: [makeHook({ type: 'beforeEach', calls: 3, totalMs: 4_500, line: 5, describePath: ['db'] })],
      }),
      makeFile({
        path: 'src/shared.test.ts',
        hooks: [
          makeHook({ type: 'beforeEach', calls: 10, totalMs: 25_000, line: 9 }),
          makeHook({ type: 'beforeAll', calls: 1, totalMs: 8_000, line: 3 }),
        ],
      }),
    ],
  });
}
