import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { WorkerFileRecord } from '@jest-perf/core';
import { readWorkerRecords } from '../readWorkerRecords';

let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-'));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function record(testPath: string, hookMs = 0): WorkerFileRecord {
  return { kind: 'file', testPath, worker: 1, fileTags: [], hookMs, hooks: [], tests: [], counters: {} };
}

function line(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}

describe('readWorkerRecords', () => {
  it('reads nothing, and no bad line, when the folder does not exist', () => {
    const result = readWorkerRecords(path.join(dir, 'absent'));

    expect(result.byTestPath.size).toBe(0);
    expect(result.badLines).toBe(0);
  });

  it('reads every valid line of every worker file, keyed by test path', () => {
    fs.writeFileSync(path.join(dir, 'worker-1-10.jsonl'), line(record('/a.test.ts')) + line(record('/b.test.ts')));
    fs.writeFileSync(path.join(dir, 'worker-2-11.jsonl'), `\n${line(record('/c.test.ts'))}\n`);

    const result = readWorkerRecords(dir);

    expect([...result.byTestPath.keys()].sort()).toEqual(['/a.test.ts', '/b.test.ts', '/c.test.ts']);
    expect(result.byTestPath.get('/a.test.ts')).toEqual(record('/a.test.ts'));
    expect(result.badLines).toBe(0);
  });

  it('ignores files that are not worker files', () => {
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not json');
    fs.writeFileSync(path.join(dir, '.worker-1-10.jsonl.swp'), 'not json');

    expect(readWorkerRecords(dir)).toEqual({ byTestPath: new Map(), badLines: 0 });
  });

  it('counts a half-written last line as bad and keeps the lines before it', () => {
    const full = line(record('/a.test.ts'));
    fs.writeFileSync(path.join(dir, 'worker-1-10.jsonl'), full + full.slice(0, 20));

    const result = readWorkerRecords(dir);

    expect([...result.byTestPath.keys()]).toEqual(['/a.test.ts']);
    expect(result.badLines).toBe(1);
  });

  it('counts a line that does not match the record schema as bad', () => {
    fs.writeFileSync(path.join(dir, 'worker-1-10.jsonl'), line({ ...record('/a.test.ts'), hookMs: -1 }));

    const result = readWorkerRecords(dir);

    expect(result.byTestPath.size).toBe(0);
    expect(result.badLines).toBe(1);
  });

  it('keeps the last record of a test path', () => {
    fs.writeFileSync(
      path.join(dir, 'worker-1-10.jsonl'),
      line(record('/a.test.ts', 1)) + line(record('/b.test.ts')) + line(record('/a.test.ts', 2)),
    );

    expect(readWorkerRecords(dir).byTestPath.get('/a.test.ts')?.hookMs).toBe(2);
  });
});
