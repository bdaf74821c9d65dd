import * as api from '../index';

describe('the public API of @jest-perf/audit', () => {
  it('exports the audit functions, which load the parser on first use', () => {
    const result = api.auditSource('src/a.test.ts', "const dir = '/tmp/shared';");

    expect(result.findings.map((finding) => finding.rule)).toEqual(['shared-tmp-path']);
    expect(api.isRuleId('fixed-port')).toBe(true);
    expect(api.isRuleId('no-such-rule')).toBe(false);
    expect(typeof api.auditFiles).toBe('function');
    expect(typeof api.formatText).toBe('function');
  });
});

describe('the export list of @jest-perf/audit', () => {
  it('is exactly the README\'s "Public API" (a change here is a change of the package\'s API)', () => {
    expect(Object.keys(api).sort()).toEqual(
      [
        'AuditDependencyError',
        'AuditPathError',
        'RULE_IDS',
        'SERIAL_CANDIDATE_RULES',
        'SKIPPED_DIRS',
        'SOURCE_EXTENSIONS',
        'auditFiles',
        'auditSource',
        'discoverFiles',
        'formatJson',
        'formatText',
        'isRuleId',
        'isSerialCandidateRule',
        'isTestFile',
        'toJson',
      ].sort(),
    );
  });
});

describe('without TypeScript installed', () => {
  it('stops with an error that says to install it', () => {
    jest.isolateModules(() => {
      jest.doMock('typescript', () => {
        throw Object.assign(new Error("Cannot find module 'typescript'"), { code: 'MODULE_NOT_FOUND' });
      });
      const fresh = require('../index') as typeof api;

      expect(() => fresh.auditSource('a.test.ts', '')).toThrow(fresh.AuditDependencyError);
      expect(() => fresh.auditSource('a.test.ts', '')).toThrow('npm install --save-dev typescript');
    });
  });
});
