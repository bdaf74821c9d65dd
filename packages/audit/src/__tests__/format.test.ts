import { formatJson, formatText } from '../format';
import type { AuditResult, Finding } from '../types';

const finding = (file: string, line: number): Finding => ({
  rule: 'shared-tmp-path',
  file,
  line,
  column: 7,
  message: "'/tmp/x' is one fixed folder",
  fix: 'use tmpDir()',
});

const result = (fields: Partial<AuditResult>): AuditResult => ({
  root: '/repo',
  scannedFiles: 120,
  findings: [],
  allowed: [],
  ...fields,
});

describe('formatText', () => {
  it('prints one line per finding with its fix, then the summary', () => {
    const text = formatText(
      result({ findings: [finding('a.test.ts', 3), finding('a.test.ts', 9), finding('b.test.ts', 1)] }),
    );

    expect(text.split('\n')).toEqual([
      "a.test.ts:3:7  shared-tmp-path  '/tmp/x' is one fixed folder",
      '    fix: use tmpDir()',
      "a.test.ts:9:7  shared-tmp-path  '/tmp/x' is one fixed folder",
      '    fix: use tmpDir()',
      "b.test.ts:1:7  shared-tmp-path  '/tmp/x' is one fixed folder",
      '    fix: use tmpDir()',
      '',
      '3 findings in 2 files (scanned 120 files)',
    ]);
  });

  it('counts in the singular and mentions allowed findings', () => {
    const allowed = [{ rule: 'fixed-port' as const, file: 'c.test.ts', line: 2, reason: 'reviewed' }];

    expect(
      formatText(result({ scannedFiles: 1, findings: [finding('a.test.ts', 1)], allowed }))
        .split('\n')
        .pop(),
    ).toBe('1 finding in 1 file (scanned 1 file; 1 allowed by comment)');
    expect(formatText(result({ allowed }))).toBe('No parallel-safety findings in 120 files (1 allowed by comment).');
  });

  it('says so when there is nothing to report', () => {
    expect(formatText(result({}))).toBe('No parallel-safety findings in 120 files.');
  });
});

describe('formatJson', () => {
  it('prints version 1, the root, the count and both lists', () => {
    const allowed = [{ rule: 'fixed-port' as const, file: 'c.test.ts', line: 2, reason: 'reviewed' }];
    const parsed = JSON.parse(formatJson(result({ findings: [finding('a.test.ts', 3)], allowed })));

    expect(Object.keys(parsed)).toEqual(['version', 'root', 'scannedFiles', 'findings', 'allowed']);
    expect(parsed).toEqual({
      version: 1,
      root: '/repo',
      scannedFiles: 120,
      findings: [
        {
          rule: 'shared-tmp-path',
          file: 'a.test.ts',
          line: 3,
          column: 7,
          message: "'/tmp/x' is one fixed folder",
          fix: 'use tmpDir()',
        },
      ],
      allowed,
    });
  });
});
