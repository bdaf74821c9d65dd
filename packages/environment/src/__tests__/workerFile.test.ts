import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { WorkerFileRecord } from '@jest-perf/core';
import { appendWorkerRecord, currentWorkerId, WORKER_DIR_ENV } from '../workerFile';

let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-'));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function record(testPath: string, worker: number | null): WorkerFileRecord {
  return { kind: 'file', testPath, worker, fileTags: [], hookMs: 0, hooks: [], testSetupMs: [], counters: {} };
}

describe('currentWorkerId', () => {
  it('reads JEST_WORKER_ID as a positive integer', () => {
    expect(currentWorkerId({ JEST_WORKER_ID: '3' })).toBe(3);
  });

  it('is null when the id is missing, empty, zero or not an integer', () => {
    for (const value of [undefined, '', '0', '-1', '1.5', 'abc']) {
      expect(currentWorkerId({ JEST_WORKER_ID: value })).toBeNull();
    }
  });

  it('reads process.env by default', () => {
    const saved = process.env.JEST_WORKER_ID;
    process.env.JEST_WORKER_ID = '7';
    try {
      expect(currentWorkerId()).toBe(7);
    } finally {
      if (saved === undefined) delete process.env.JEST_WORKER_ID;
      else process.env.JEST_WORKER_ID = saved;
    }
  });
});

describe('appendWorkerRecord', () => {
  it('names the variable the reporter sets', () => {
    expect(WORKER_DIR_ENV).toBe('JEST_PERF_WORKER_DIR');
  });

  it('appends one JSON line per record to a file of its own worker and process', () => {
    const workerDir = path.join(dir, 'run-1');
    fs.mkdirSync(workerDir);

    appendWorkerRecord(workerDir, record('/a.test.ts', 2));
    appendWorkerRecord(workerDir, record('/b.test.ts', 2));

    const file = path.join(workerDir, `worker-2-${process.pid}.jsonl`);
    expect(fs.readdirSync(workerDir)).toEqual([path.basename(file)]);
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(lines.slice(0, 2).map((line) => JSON.parse(line))).toEqual([
      record('/a.test.ts', 2),
      record('/b.test.ts', 2),
    ]);
  });

  it('drops the record, making no folder, once the reporter removed the run folder (the run is over)', () => {
    const workerDir = path.join(dir, 'run-1');
    fs.mkdirSync(workerDir);
    expect(appendWorkerRecord(workerDir, record('/a.test.ts', 2))).toBe(true);
    fs.rmSync(workerDir, { recursive: true });

    expect(appendWorkerRecord(workerDir, record('/b.test.ts', 2))).toBe(false);

    expect(fs.existsSync(workerDir)).toBe(false);
  });

  it('throws what it cannot fix, such as a file where the folder should be', () => {
    const notADir = path.join(dir, 'file');
    fs.writeFileSync(notADir, '');

    expect(() => appendWorkerRecord(path.join(notADir, 'run'), record('/a.test.ts', 2))).toThrow(/ENOTDIR|EEXIST/);
  });

  it('uses worker 0 in the file name when the worker is unknown', () => {
    appendWorkerRecord(dir, record('/a.test.ts', null));

    expect(fs.readdirSync(dir)).toEqual([`worker-0-${process.pid}.jsonl`]);
  });

  it('never rewrites lines already written', () => {
    const file = path.join(dir, `worker-1-${process.pid}.jsonl`);
    fs.writeFileSync(file, '{"half":');

    appendWorkerRecord(dir, record('/a.test.ts', 1));

    expect(fs.readFileSync(file, 'utf8').startsWith('{"half":{"kind":"file"')).toBe(true);
  });
});
