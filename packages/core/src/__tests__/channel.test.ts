import { COUNTER_GROUPS, channelWorkerStore, countOnChannel, PERF_CHANNEL_GLOBAL } from '../channel';

const scope = globalThis as Record<string, unknown>;
let saved: unknown;
beforeEach(() => {
  saved = scope[PERF_CHANNEL_GLOBAL];
});
afterEach(() => {
  scope[PERF_CHANNEL_GLOBAL] = saved;
});

describe('the worker channel', () => {
  it('counts under the group on the channel the environment installed', () => {
    const counted: unknown[][] = [];
    scope[PERF_CHANNEL_GLOBAL] = { count: (...args: unknown[]) => counted.push(args), workerStore: new Map() };
    countOnChannel(COUNTER_GROUPS.fixtureCache, 'hits');
    countOnChannel(COUNTER_GROUPS.llmMock, 'callMs', 2.5);
    expect(counted).toEqual([
      ['fixtureCache', 'hits', 1],
      ['llmMock', 'callMs', 2.5],
    ]);
  });

  it('hands out the worker store, a Map of another realm included (checked by shape)', () => {
    const store = new Map<string, unknown>();
    scope[PERF_CHANNEL_GLOBAL] = { count: () => undefined, workerStore: store };
    expect(channelWorkerStore()).toBe(store);
    const foreign = { get: () => undefined, set: () => undefined };
    scope[PERF_CHANNEL_GLOBAL] = { workerStore: foreign };
    expect(channelWorkerStore()).toBe(foreign);
  });

  it('does nothing outside the jest-perf environment, or with a channel missing a part', () => {
    delete scope[PERF_CHANNEL_GLOBAL];
    expect(() => countOnChannel(COUNTER_GROUPS.datasets, 'loads')).not.toThrow();
    expect(channelWorkerStore()).toBeUndefined();
    scope[PERF_CHANNEL_GLOBAL] = { workerStore: 'not a map' };
    expect(() => countOnChannel(COUNTER_GROUPS.workerFixtures, 'hits')).not.toThrow();
    expect(channelWorkerStore()).toBeUndefined();
  });
});
