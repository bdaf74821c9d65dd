import { JestPerfError } from '@jest-perf/core';

/** A path given to audit that does not exist or is no JavaScript/TypeScript file. */
export class AuditPathError extends JestPerfError<'JEST_PERF_AUDIT_PATH_INVALID'> {
  constructor(
    readonly path: string,
    reason = 'does not exist',
  ) {
    super('JEST_PERF_AUDIT_PATH_INVALID', `${path} ${reason}`);
    this.name = 'AuditPathError';
  }
}

/** The audit cannot run: TypeScript, its peer dependency, is not installed in the project. */
export class AuditDependencyError extends JestPerfError<'JEST_PERF_AUDIT_TYPESCRIPT_MISSING'> {
  constructor(options: { cause: unknown }) {
    super(
      'JEST_PERF_AUDIT_TYPESCRIPT_MISSING',
      'the audit parses test files with TypeScript, which is not installed here (a peer dependency of ' +
        '@jest-perf/audit, >=5 <7): install it with npm install --save-dev typescript',
      options,
    );
    this.name = 'AuditDependencyError';
  }
}
