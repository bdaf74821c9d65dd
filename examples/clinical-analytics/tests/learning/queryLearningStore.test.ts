import * as fs from 'node:fs';
import * as path from 'node:path';
import { tmpDir } from '@jest-perf/parallel/tmpDir';
import { QueryLearningStore } from '../../src/learning/QueryLearningStore';
import type { ParsedQuery } from '../../src/query/types';

// Each test has a learning folder of its own (tmpDir: fresh, removed after the test), so it asserts on
// the whole store: nothing else writes there.

const parsed = (question: string): ParsedQuery => ({
  question,
  intent: 'count',
  datasets: [],
  groupBy: null,
  measure: null,
  filters: [{ field: 'age', op: 'gt', value: 65 }],
});

describe('QueryLearningStore', () => {
  let dir: string;
  let store: QueryLearningStore;
  beforeEach(() => {
    dir = tmpDir();
    store = new QueryLearningStore(dir);
  });

  it('writes into its learning folder', () => {
    store.record(parsed('how many over 65'));
    expect(store.file).toBe(path.join(dir, 'examples.jsonl'));
    expect(fs.readdirSync(dir)).toEqual(['examples.jsonl']);
  });

  it('reads back what it recorded', () => {
    const question = 'how many women';
    store.record(parsed(question), new Date('2025-03-01T10:00:00Z'));
    expect(store.read().examples).toEqual([
      {
        question,
        recordedAt: '2025-03-01T10:00:00.000Z',
        parsed: {
          intent: 'count',
          datasets: [],
          groupBy: null,
          measure: null,
          filters: [{ field: 'age', op: 'gt', value: 65 }],
        },
      },
    ]);
  });

  it('finds similar past questions, best first', () => {
    store.record(parsed('statin users over 80 in the north'));
    store.record(parsed('statin users with osteoporosis'));
    const similar = store.findSimilar('statin users with osteoporosis', 2);
    expect(similar.map((e) => e.question)).toEqual([
      'statin users with osteoporosis',
      'statin users over 80 in the north',
    ]);
  });

  it('returns nothing similar for unrelated words', () => {
    store.record(parsed('statin users'));
    expect(store.findSimilar('zzzz qqqq')).toEqual([]);
  });

  it('skips a half-written line instead of failing', () => {
    store.record(parsed('complete line'));
    fs.appendFileSync(store.file, '{"question": "cut off');
    expect(store.read()).toMatchObject({ skippedLines: 1, examples: [{ question: 'complete line' }] });
  });

  it('reads an empty store when the file does not exist', () => {
    expect(new QueryLearningStore(path.join(dir, 'never')).read()).toEqual({
      examples: [],
      skippedLines: 0,
    });
  });

  it('rejects an empty folder name', () => {
    expect(() => new QueryLearningStore('')).toThrow('The option dir should be a non-empty path');
  });

  it('keeps whole lines when many records are appended at once', () => {
    const questions = Array.from({ length: 50 }, (_, i) => `bulk ${i}`);
    for (const q of questions) store.record(parsed(q));
    expect(store.read()).toMatchObject({ skippedLines: 0 });
    expect(store.read().examples.map((e) => e.question)).toEqual(questions);
  });
});
