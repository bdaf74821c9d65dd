import { makeRun, makeTest } from './runs';

/** Two runs, before and after a speed-up, for the comparison's tests (renderer and `jest-perf compare`). */
export const before = makeRun({
  runId: 'before',
  tests: [makeTest({ title: 'a', durationMs: 9000 }), makeTest({ title: 'b', durationMs: 1000 })],
  counters: { llmMock: { realCalls: 12, realCallMs: 24_000 }, datasets: { loads: 30, loadMs: 6000 } },
});
export const after = makeRun({
  runId: 'after',
  tests: [makeTest({ title: 'a', durationMs: 400 }), makeTest({ title: 'b', durationMs: 100 })],
  counters: { llmMock: { calls: 12, callMs: 24 }, datasets: { loads: 2, loadMs: 3000 } },
});
