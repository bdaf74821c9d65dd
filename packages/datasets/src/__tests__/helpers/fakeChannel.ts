/** What a fake `globalThis.__JEST_PERF__` recorded. */
export interface FakeChannel {
  counts: Record<string, number>;
  count: (group: string, name: string, delta?: number) => void;
  workerStore: Map<string, unknown>;
}

const holder = globalThis as { __JEST_PERF__?: unknown };
let saved: { had: boolean; value: unknown } | undefined;

/**
 * Replaces the real channel (this repo's own tests run under @jest-perf/environment) with one that
 * records counters as `group.name` and has an empty worker store. Undo with {@link restoreChannel}.
 */
export function installChannel(options: { workerStore?: boolean } = {}): FakeChannel {
  saved ??= { had: '__JEST_PERF__' in holder, value: holder.__JEST_PERF__ };
  const counts: Record<string, number> = {};
  const channel: FakeChannel = {
    counts,
    count: (group, name, delta = 1) => {
      counts[`${group}.${name}`] = (counts[`${group}.${name}`] ?? 0) + delta;
    },
    workerStore: new Map(),
  };
  holder.__JEST_PERF__ = options.workerStore === false ? { count: channel.count } : channel;
  return channel;
}

/** Removes the channel entirely (as under a plain Jest environment). */
export function removeChannel(): void {
  saved ??= { had: '__JEST_PERF__' in holder, value: holder.__JEST_PERF__ };
  delete holder.__JEST_PERF__;
}

export function restoreChannel(): void {
  if (!saved) return;
  if (saved.had) holder.__JEST_PERF__ = saved.value;
  else delete holder.__JEST_PERF__;
  saved = undefined;
}
