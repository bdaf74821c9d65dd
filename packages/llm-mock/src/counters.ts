/** The channel jest-perf's environment installs in each test file's global scope. */
interface PerfChannel {
  count(group: string, name: string, delta?: number): void;
}

/** Names of the counters this package reports. */
export type LlmMockCounter = 'calls' | 'replayed' | 'recorded' | 'blockedRealCalls';

/** Reports one event to jest-perf (group `llmMock`); a no-op outside a tracked Jest run. */
export function count(name: LlmMockCounter, delta = 1): void {
  (globalThis as { __JEST_PERF__?: PerfChannel }).__JEST_PERF__?.count('llmMock', name, delta);
}
