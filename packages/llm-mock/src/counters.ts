import { COUNTER_GROUPS, countOnChannel } from '@jest-perf/core/channel';

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
  countOnChannel(COUNTER_GROUPS.llmMock, name, delta);
}
