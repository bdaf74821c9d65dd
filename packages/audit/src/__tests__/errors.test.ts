import { isJestPerfError, JestPerfError } from '@jest-perf/core';
import { AuditDependencyError, AuditPathError } from '../errors';

describe('audit errors', () => {
  it('names the path that does not exist, with a stable code', () => {
    const error = new AuditPathError('tests/missing');

    expect(error).toBeInstanceOf(JestPerfError);
    expect(isJestPerfError(error)).toBe(true);
    expect(error).toMatchObject({
      name: 'AuditPathError',
      code: 'JEST_PERF_AUDIT_PATH_INVALID',
      path: 'tests/missing',
    });
    expect(error.message).toBe('tests/missing does not exist');
    expect(new AuditPathError('a.txt', 'is not a JavaScript or TypeScript file').message).toBe(
      'a.txt is not a JavaScript or TypeScript file',
    );
  });

  it('says how to install the missing TypeScript and keeps the cause', () => {
    const cause = new Error("Cannot find module 'typescript'");
    const error = new AuditDependencyError({ cause });

    expect(error).toBeInstanceOf(JestPerfError);
    expect(error).toMatchObject({ name: 'AuditDependencyError', code: 'JEST_PERF_AUDIT_TYPESCRIPT_MISSING', cause });
    expect(error.message).toMatch(/npm install --save-dev typescript$/);
  });
});
