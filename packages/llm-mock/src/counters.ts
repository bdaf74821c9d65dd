/** The channel jest-perf's environment installs in each test file's global scope. */
interface PerfChannel {
  count(group: string, name: string, delta?: number): void;
}

/** Names of the counters this package reports. */
/**
 * `callMs`: time inside mocked calls; `realCalls`/`realCallMs`: the real calls the guard let through
 * (tagged tests). Together a run file compares mocked LLM time with the live time it replaced.
 */
export type LlmMockCounter =
  | 'calls'
  | 'callMs'
  | 'realCalls'
  | 'realCallMs'
  | 'replayed'
  | 'recorded'
  | 'blockedRealCalls';

/** Reports one event to jest-perf (group `llmMock`); a no-op outside a tracked Jest run. */
export function count(name: LlmMockCounter, delta = 1): void {
  (globalThis as { __JEST_PERF__?: PerfChannel }).__JEST_PERF__?.count('llmMock', name, delta);
}
