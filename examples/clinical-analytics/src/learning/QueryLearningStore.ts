import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ParsedQuery } from '../query/types';

/** A question the engine parsed successfully, kept as an example for later questions. */
export interface LearnedExample {
  question: string;
  parsed: Omit<ParsedQuery, 'question'>;
  recordedAt: string;
}

/** What reading the store found: examples, and how many lines were unreadable (skipped). */
export interface LearnedExamples {
  examples: LearnedExample[];
  skippedLines: number;
}

/**
 * Keeps parsed questions as JSON lines in `<dir>/examples.jsonl`, so similar questions can be
 * answered from, or prompted with, past parses. Appends are single `write` calls, so
 * concurrent writers interleave whole lines; a half-written line is skipped on read.
 */
export class QueryLearningStore {
  readonly file: string;

  constructor(readonly dir: string) {
    if (!dir) throw new TypeError('The option dir should be a non-empty path');
    this.file = path.join(dir, 'examples.jsonl');
  }

  record(query: ParsedQuery, now: Date = new Date()): LearnedExample {
    const { question, ...parsed } = query;
    const example: LearnedExample = { question, parsed, recordedAt: now.toISOString() };
    fs.mkdirSync(this.dir, { recursive: true });
    fs.appendFileSync(this.file, `${JSON.stringify(example)}\n`);
    return example;
  }

  read(): LearnedExamples {
    if (!fs.existsSync(this.file)) return { examples: [], skippedLines: 0 };
    const examples: LearnedExample[] = [];
    let skippedLines = 0;
    for (const line of fs.readFileSync(this.file, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const example = parseExample(line);
      if (example) examples.push(example);
      else skippedLines += 1;
    }
    return { examples, skippedLines };
  }

  /** Up to `limit` past examples most similar to `question` (word overlap), best first. */
  findSimilar(question: string, limit = 3): LearnedExample[] {
    const words = tokens(question);
    return this.read()
      .examples.map((example) => ({ example, score: jaccard(words, tokens(example.question)) }))
      .filter((s) => s.score > 0)
      .sort((a, b) => b.score - a.score)
      .slice(0, limit)
      .map((s) => s.example);
  }

  clear(): void {
    fs.rmSync(this.file, { force: true });
  }
}

function parseExample(line: string): LearnedExample | null {
  try {
    const value = JSON.parse(line) as Partial<LearnedExample>;
    return typeof value.question === 'string' &&
      typeof value.recordedAt === 'string' &&
      typeof value.parsed === 'object'
      ? (value as LearnedExample)
      : null;
  } catch {
    return null;
  }
}

export function tokens(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[a-z0-9]+/g) ?? []);
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared += 1;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}
