import * as fs from 'node:fs';
import * as path from 'node:path';
import { tmpDir } from '@jest-perf/parallel/tmpDir';
import { AuditLog } from '../../src/logging/AuditLog';

// Each test logs into a folder of its own (tmpDir: created fresh, removed after the test), so it can
// assert on the whole file: no other test or Jest worker writes there.
describe('AuditLog', () => {
  let dir: string;
  let log: AuditLog;
  beforeEach(() => {
    dir = tmpDir();
    log = new AuditLog(dir);
  });

  it('writes JSON lines into its folder', () => {
    log.write({ event: 'question', question: 'q1' });
    expect(log.file).toBe(path.join(dir, 'queries.log'));
    const lines = fs.readFileSync(log.file, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] as string)).toMatchObject({ event: 'question', question: 'q1' });
  });

  it('stamps each record with the time and process', () => {
    const record = log.write({ event: 'answer', question: 'q2' }, new Date('2025-01-02T03:04:05Z'));
    expect(record).toEqual({ at: '2025-01-02T03:04:05.000Z', pid: process.pid, event: 'answer', question: 'q2' });
  });

  it('reads back its records in order', () => {
    log.write({ event: 'question', question: 'q3' });
    log.write({ event: 'llm_call', question: 'q3', detail: { feature: 'PARSE', latencyMs: 12, error: null } });
    const records = log.read();
    expect(records.map((r) => r.event)).toEqual(['question', 'llm_call']);
    expect(records[1]?.detail).toEqual({ feature: 'PARSE', latencyMs: 12, error: null });
  });

  it('writes to a named file in the same folder', () => {
    const other = new AuditLog(dir, 'custom.log');
    other.write({ event: 'failure', question: 'x', detail: { code: 'LLM_FAILED' } });
    expect(other.read()).toHaveLength(1);
    expect(fs.readdirSync(dir)).toEqual(['custom.log']);
  });

  it('skips unreadable lines', () => {
    const other = new AuditLog(dir, 'broken.log');
    fs.writeFileSync(other.file, 'not json\n{"event":"answer","question":"ok","at":"t","pid":1}\n');
    expect(other.read().map((r) => r.question)).toEqual(['ok']);
  });

  it('returns no records for a missing file', () => {
    expect(new AuditLog(dir, 'missing.log').read()).toEqual([]);
  });

  it('rejects an empty folder name', () => {
    expect(() => new AuditLog('')).toThrow('The option dir should be a non-empty path');
  });
});
