import type { workerFixture as WorkerFixture } from '../workerFixture';
import { type FakeChannel, installChannel, removeChannel, restoreChannel } from './helpers/fakeChannel';

/** A fresh copy of the module, as a new test file in the same Jest worker gets. */
function newTestFile(): typeof WorkerFixture {
  let loaded: typeof WorkerFixture | undefined;
  jest.isolateModules(() => {
    loaded = (require('../workerFixture') as typeof import('../workerFixture')).workerFixture;
  });
  return loaded!;
}

let channel: FakeChannel;
beforeEach(() => {
  channel = installChannel();
});
afterEach(() => {
  restoreChannel();
  jest.restoreAllMocks();
  delete process.env.JEST_PERF_PER_TEST_FIXTURES;
});

describe('workerFixture', () => {
  it('builds once per worker and shares the value with later test files', async () => {
    const build = jest.fn(() => ({ answer: 42 }));
    const first = await newTestFile()('answer', build);
    const second = await newTestFile()('answer', build);
    expect(second).toBe(first);
    expect(second).toEqual({ answer: 42 });
    expect(build).toHaveBeenCalledTimes(1);
    expect(channel.counts).toMatchObject({ 'workerFixtures.builds': 1, 'workerFixtures.hits': 1 });
    expect(channel.counts['workerFixtures.buildMs']).toBeGreaterThanOrEqual(0);
  });

  it('deep-freezes the value so one test cannot change what another sees', async () => {
    const value = await newTestFile()('patients', () => ({ rows: [{ id: 1 }] }));
    expect(() => {
      (value.rows as { id: number }[]).push({ id: 2 });
    }).toThrow(TypeError);
    expect(() => {
      ((value.rows as { id: number }[])[0] as { id: number }).id = 9;
    }).toThrow(TypeError);
  });

  it('shares one build between concurrent first calls', async () => {
    let finish: (value: string) => void = () => undefined;
    const build = jest.fn(() => new Promise<string>((resolve) => (finish = resolve)));
    const workerFixture = newTestFile();
    const calls = [workerFixture('slow', build), newTestFile()('slow', build)];
    await new Promise((resolve) => setImmediate(resolve));
    finish('built');
    await expect(Promise.all(calls)).resolves.toEqual(['built', 'built']);
    expect(build).toHaveBeenCalledTimes(1);
  });

  it('does not keep a failed build: the next call builds again', async () => {
    const build = jest.fn().mockRejectedValueOnce(new Error('flaky')).mockResolvedValueOnce('ok');
    await expect(newTestFile()('retry', build)).rejects.toThrow('flaky');
    await expect(newTestFile()('retry', build)).resolves.toBe('ok');
    expect(build).toHaveBeenCalledTimes(2);
    expect(channel.counts['workerFixtures.builds']).toBe(2);
  });

  it('turns a build that throws synchronously into a rejection', async () => {
    const workerFixture = newTestFile();
    await expect(
      workerFixture('throws', () => {
        throw new Error('sync');
      }),
    ).rejects.toThrow('sync');
    await expect(workerFixture('throws', () => 'recovered')).resolves.toBe('recovered');
  });

  it('keeps fixtures of different names apart, under its own keys of the store', async () => {
    const workerFixture = newTestFile();
    await expect(workerFixture('a', () => 'A')).resolves.toBe('A');
    await expect(workerFixture('b', () => 'B')).resolves.toBe('B');
    expect([...channel.workerStore.keys()]).toEqual([
      '@jest-perf/datasets:workerFixture:a',
      '@jest-perf/datasets:workerFixture:b',
    ]);
  });

  it('checks its arguments', () => {
    const workerFixture = newTestFile();
    expect(() => workerFixture('', () => 1)).toThrow('workerFixture needs a non-empty name');
    expect(() => workerFixture('x', 'nope' as unknown as () => number)).toThrow(
      "workerFixture('x') needs a build function",
    );
  });
});

describe('workerFixture with JEST_PERF_PER_TEST_FIXTURES=1 (the scope rollback)', () => {
  it('builds a fresh, frozen value on every call and keeps nothing in the worker store', async () => {
    process.env.JEST_PERF_PER_TEST_FIXTURES = '1';
    const build = jest.fn(() => ({ rows: [1, 2] }));
    const workerFixture = newTestFile();
    const first = await workerFixture('table', build);
    const second = await workerFixture('table', build);
    expect(second).not.toBe(first);
    expect(second).toEqual(first);
    expect(Object.isFrozen(second.rows)).toBe(true);
    expect(build).toHaveBeenCalledTimes(2);
    expect(channel.workerStore.size).toBe(0);
    expect(channel.counts).toMatchObject({ 'workerFixtures.builds': 2 });
    expect(channel.counts['workerFixtures.hits']).toBeUndefined();
  });
});

describe('workerFixture without the jest-perf environment', () => {
  it('caches per test file only and warns once that sharing is off', async () => {
    removeChannel();
    const write = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const build = jest.fn(() => ({ n: 1 }));
    const workerFixture = newTestFile();
    const first = await workerFixture('local', build);
    await expect(workerFixture('local', build)).resolves.toBe(first);
    expect(build).toHaveBeenCalledTimes(1);
    expect(Object.isFrozen(first)).toBe(true);
    expect(write).toHaveBeenCalledTimes(1);
    expect(String(write.mock.calls[0]?.[0])).toContain("workerFixture('local') cannot share values between test files");
    await newTestFile()('local', build);
    expect(build).toHaveBeenCalledTimes(2);
  });

  it('still counts when the channel has no worker store', async () => {
    channel = installChannel({ workerStore: false });
    jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    await newTestFile()('counted', () => 1);
    expect(channel.counts['workerFixtures.builds']).toBe(1);
  });
});
