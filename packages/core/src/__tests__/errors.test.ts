import * as fs from 'node:fs';
import * as path from 'node:path';
import { ERROR_CODES, isJestPerfError, JestPerfError } from '../errors';

describe('JestPerfError', () => {
  it('puts the file and the fix into the message and keeps them as fields', () => {
    const error = new JestPerfError('JEST_PERF_FILE_MISSING', 'Cannot read baseline', {
      file: '/repo/.jest-perf/baseline.json',
      fix: 'run `jest-perf baseline`',
    });

    expect(error.message).toBe(
      'Cannot read baseline (/repo/.jest-perf/baseline.json)\n  Fix: run `jest-perf baseline`',
    );
    expect(error.code).toBe('JEST_PERF_FILE_MISSING');
    expect(error.file).toBe('/repo/.jest-perf/baseline.json');
    expect(error.fix).toBe('run `jest-perf baseline`');
    expect(error.name).toBe('JestPerfError');
  });

  it('keeps the message bare when there is no file or fix', () => {
    const error = new JestPerfError('JEST_PERF_USAGE', 'bad flag');

    expect(error.message).toBe('bad flag');
    expect(error.file).toBeUndefined();
    expect(error.fix).toBeUndefined();
  });

  it('chains the cause', () => {
    const cause = new Error('EACCES');

    expect(new JestPerfError('JEST_PERF_FILE_MISSING', 'x', { cause }).cause).toBe(cause);
  });
});

describe('isJestPerfError', () => {
  it('recognises only JestPerfError instances', () => {
    expect(isJestPerfError(new JestPerfError('JEST_PERF_USAGE', 'x'))).toBe(true);
    expect(isJestPerfError(new Error('x'))).toBe(false);
    expect(isJestPerfError({ code: 'JEST_PERF_USAGE' })).toBe(false);
  });
});

describe('ERROR_CODES', () => {
  /** The codes of the "Error codes" table in the user guide, in order. */
  function documentedCodes(): string[] {
    const guide = fs.readFileSync(path.join(__dirname, '../../../../docs/PERFORMANCE.md'), 'utf8');
    const section = guide.split('### Error codes')[1]?.split('\n## ')[0] ?? '';
    return [...section.matchAll(/^\| `(JEST_PERF_[A-Z_]+)` +\|/gm)].map((match) => match[1] ?? '');
  }

  it('are each explained once in the user guide, in the same order', () => {
    expect(documentedCodes()).toEqual([...ERROR_CODES]);
  });

  it('are unique', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
  });
});
