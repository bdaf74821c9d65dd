import * as fs from 'node:fs';
import * as path from 'node:path';
import { AuditLog } from '../../src/logging/AuditLog';
import { TEST_LOG_DIR } from '../fixtures/paths';

// Shared, hard-coded log folder: the query engine tests write here too.
const marker = `${process.pid}-${Date.now()}`;

describe('AuditLog', () => {
  const log = new AuditLog(TEST_LOG_DIR);

  it('writes JSON lines into the shared log folder', () => {
    log.write({ event: 'question', question: `q1 ${marker}` });
    expect(log.file).toBe(path.join(TEST_LOG_DIR, 'queries.log'));
    const last = fs.readFileSync(log.file, 'utf8').trim().split('\n').pop() ?? '';
    expect(() => JSON.parse(last)).not.toThrow();
  });

  it('stamps each record with the time and process', () => {
    const record = log.write({ event: 'answer', question: `q2 ${marker}` }, new Date('2025-01-02T03:04:05Z'));
    expect(record).toEqual({
      at: '2025-01-02T03:04:05.000Z',
      pid: process.pid,
      event: 'answer',
      question: `q2 ${marker}`,
    });
  });

  it('reads back its own records in order', () => {
    log.write({ event: 'question', question: `q3 ${marker}` });
    log.write({
      event: 'llm_call',
      question: `q3 ${marker}`,
      detail: { feature: 'PARSE', latencyMs: 12, error: null },
    });
    const mine = log.read().filter((r) => r.question === `q3 ${marker}`);
    expect(mine.map((r) => r.event)).toEqual(['question', 'llm_call']);
    expect(mine[1]?.detail).toEqual({ feature: 'PARSE', latencyMs: 12, error: null });
  });

  it('writes to a named file in the same folder', () => {
    const other = new AuditLog(TEST_LOG_DIR, `custom-${marker}.log`);
    other.write({ event: 'failure', question: 'x', detail: { code: 'LLM_FAILED' } });
    expect(other.read()).toHaveLength(1);
    fs.rmSync(other.file);
  });

  it('skips unreadable lines', () => {
    const other = new AuditLog(TEST_LOG_DIR, `broken-${marker}.log`);
    fs.mkdirSync(TEST_LOG_DIR, { recursive: true });
    fs.writeFileSync(other.file, 'not json\n{"event":"answer","question":"ok","at":"t","pid":1}\n');
    expect(other.read().map((r) => r.question)).toEqual(['ok']);
    fs.rmSync(other.file);
  });

  it('returns no records for a missing file', () => {
    expect(new AuditLog(TEST_LOG_DIR, `missing-${marker}.log`).read()).toEqual([]);
  });

  it('rejects an empty folder name', () => {
    expect(() => new AuditLog('')).toThrow('The option dir should be a non-empty path');
  });
});
