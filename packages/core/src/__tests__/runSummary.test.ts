import { addCounters, summarizeRun, totalHookMs } from '../runSummary';
import type { CounterGroups, FileRecord, TestRecord } from '../types';

const test = (status: TestRecord['status'], durationMs: number): TestRecord => ({
  id: `a › ${status} ${durationMs}`,
  file: 'a',
  ancestorTitles: [],
  title: `${status} ${durationMs}`,
  durationMs,
  setupMs: 0,
  status,
  tags: [],
  retries: 0,
  worker: 1,
});

describe('summarizeRun', () => {
  it('counts statuses and averages only the tests that ran; slow means over the threshold', () => {
    const tests = [test('passed', 100), test('failed', 300), test('skipped', 0), test('todo', 0), test('passed', 50)];
    expect(summarizeRun(tests, 12, 99, 1000)).toEqual({
      total: 5,
      passed: 2,
      failed: 1,
      skipped: 2,
      slowCount: 2,
      totalDurationMs: 450,
      averageDurationMs: 150,
      hookMs: 12,
      wallMs: 1000,
    });
  });

  it('averages 0 when nothing ran', () => {
    expect(summarizeRun([test('skipped', 0)], 0, 1, 0).averageDurationMs).toBe(0);
  });
});

describe('totalHookMs', () => {
  it('sums the files hook time', () => {
    expect(totalHookMs([{ hookMs: 2 }, { hookMs: 3.5 }] as FileRecord[])).toBe(5.5);
  });
});

describe('addCounters', () => {
  it('adds group by group and name by name, creating what is missing', () => {
    const into: CounterGroups = { cache: { hits: 1 } };
    addCounters(into, { cache: { hits: 2, misses: 1 }, llm: { calls: 4 } });
    expect(into).toEqual({ cache: { hits: 3, misses: 1 }, llm: { calls: 4 } });
  });
});
