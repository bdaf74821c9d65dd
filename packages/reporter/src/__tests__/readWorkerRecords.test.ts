import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { WorkerFileRecord } from '@jest-perf/core';
import { readWorkerRecords, WorkerRecordReader } from '../readWorkerRecords';

let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-'));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function record(testPath: string, hookMs = 0): WorkerFileRecord {
  return { kind: 'file', testPath, worker: 1, fileTags: [], hookMs, hooks: [], testSetupMs: [], counters: {} };
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

  it('counts a line that does not match the record schema as bad, naming the field', () => {
    fs.writeFileSync(path.join(dir, 'worker-1-10.jsonl'), line({ ...record('/a.test.ts'), hookMs: -1 }));

    const result = readWorkerRecords(dir);

    expect(result.byTestPath.size).toBe(0);
    expect(result.badLines).toBe(1);
    expect(result.firstBadLine).toBe('worker-1-10.jsonl line 1: Invalid worker record: field /hookMs must be >= 0');
  });

  it('says where the first bad line is and that it is not JSON', () => {
    const good = line(record('/a.test.ts'));
    fs.writeFileSync(path.join(dir, 'worker-1-10.jsonl'), good);
    fs.writeFileSync(path.join(dir, 'worker-2-11.jsonl'), `${good}{"kind": "fi\n${line({ kind: 'other' })}`);

    const result = readWorkerRecords(dir);

    expect(result.badLines).toBe(2);
    expect(result.firstBadLine).toBe('worker-2-11.jsonl line 2: not valid JSON (a worker stopped mid-write?)');
  });

  it('reports no bad line when every line is good', () => {
    fs.writeFileSync(path.join(dir, 'worker-1-10.jsonl'), line(record('/a.test.ts')));

    expect(readWorkerRecords(dir).firstBadLine).toBeUndefined();
  });

  it('keeps the last record of a test path', () => {
    fs.writeFileSync(
      path.join(dir, 'worker-1-10.jsonl'),
      line(record('/a.test.ts', 1)) + line(record('/b.test.ts')) + line(record('/a.test.ts', 2)),
    );

    expect(readWorkerRecords(dir).byTestPath.get('/a.test.ts')?.hookMs).toBe(2);
  });
});

describe('WorkerRecordReader', () => {
  it('takes the lines completed since the last read, and a line still being written once it is complete', () => {
    const file = path.join(dir, 'worker-1-10.jsonl');
    const reader = new WorkerRecordReader(dir);
    const second = line(record('/b.test.ts'));
    fs.writeFileSync(file, line(record('/a.test.ts')) + second.slice(0, 10));

    expect([...reader.read().byTestPath.keys()]).toEqual(['/a.test.ts']);
    fs.appendFileSync(file, second.slice(10));
    expect([...reader.read().byTestPath.keys()]).toEqual(['/a.test.ts', '/b.test.ts']);
    expect(reader.read().badLines).toBe(0);
  });

  it('reads nothing before the folder exists, and the files once they appear', () => {
    const workerDir = path.join(dir, 'run');
    const reader = new WorkerRecordReader(workerDir);

    expect(reader.read().byTestPath.size).toBe(0);
    fs.mkdirSync(workerDir);
    fs.writeFileSync(path.join(workerDir, 'worker-1-10.jsonl'), line(record('/a.test.ts')));
    expect(reader.read().byTestPath.has('/a.test.ts')).toBe(true);
  });

  it('counts a half line as bad only in the final read, numbering lines across reads', () => {
    const file = path.join(dir, 'worker-1-10.jsonl');
    const reader = new WorkerRecordReader(dir);
    fs.writeFileSync(file, `${line(record('/a.test.ts'))}\n`);
    reader.read();
    fs.appendFileSync(file, `${line(record('/b.test.ts'))}{"kind":`);

    expect(reader.read().badLines).toBe(0);
    const final = reader.read(true);

    expect(final.byTestPath.size).toBe(2);
    expect(final.badLines).toBe(1);
    expect(final.firstBadLine).toBe('worker-1-10.jsonl line 4: not valid JSON (a worker stopped mid-write?)');
  });

  it('reads a line holding multi-byte characters that arrived in two parts', () => {
    const file = path.join(dir, 'worker-1-10.jsonl');
    const reader = new WorkerRecordReader(dir);
    const text = Buffer.from(line(record('/tests/ünïcødé ✓.test.ts')));
    const cut = text.indexOf(Buffer.from('✓')) + 1;
    fs.writeFileSync(file, text.subarray(0, cut));

    reader.read();
    fs.appendFileSync(file, text.subarray(cut));

    expect([...reader.read().byTestPath.keys()]).toEqual(['/tests/ünïcødé ✓.test.ts']);
  });
});
