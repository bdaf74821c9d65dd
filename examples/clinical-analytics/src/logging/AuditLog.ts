import * as fs from 'node:fs';
import * as path from 'node:path';

/** One audited step of answering a question. */
export interface AuditEvent {
  event: 'question' | 'llm_call' | 'answer' | 'failure';
  question: string;
  detail?: Record<string, string | number | boolean | null>;
}

export interface AuditRecord extends AuditEvent {
  at: string;
  pid: number;
}

/**
 * Append-only audit trail of questions and LLM calls, as JSON lines in `<dir>/<fileName>`.
 * Clinical tools must be able to show what was asked and what the model answered.
 */
export class AuditLog {
  readonly file: string;

  constructor(
    readonly dir: string,
    fileName = 'queries.log',
  ) {
    if (!dir) throw new TypeError('The option dir should be a non-empty path');
    this.file = path.join(dir, fileName);
  }

  write(event: AuditEvent, now: Date = new Date()): AuditRecord {
    const record: AuditRecord = { at: now.toISOString(), pid: process.pid, ...event };
    fs.mkdirSync(this.dir, { recursive: true });
    fs.appendFileSync(this.file, `${JSON.stringify(record)}\n`);
    return record;
  }

  /** Every readable record, oldest first; unreadable lines are skipped. */
  read(): AuditRecord[] {
    if (!fs.existsSync(this.file)) return [];
    return fs
      .readFileSync(this.file, 'utf8')
      .split('\n')
      .flatMap((line) => {
        if (line.trim() === '') return [];
        try {
          return [JSON.parse(line) as AuditRecord];
        } catch {
          return [];
        }
      });
  }
}
