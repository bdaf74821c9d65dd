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
  candidates: [],
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

    expect(Object.keys(parsed)).toEqual(['version', 'root', 'scannedFiles', 'findings', 'candidates', 'allowed']);
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
      candidates: [],
      allowed,
    });
  });
});

describe('serial candidates in the text output', () => {
  const candidate: Finding = {
    rule: 'child-process',
    file: 'cli.test.ts',
    line: 4,
    column: 3,
    message: 'execa(…) starts a child process',
    fix: 'tag the file serial',
  };

  it('lists them first, under their own heading, before the findings', () => {
    const text = formatText(result({ candidates: [candidate], findings: [finding('a.test.ts', 3)] }));

    expect(text.split('\n').slice(0, 4)).toEqual([
      'Serial candidates (1 file; listed for review, they do not fail the audit):',
      'cli.test.ts:4:3  child-process  execa(…) starts a child process',
      '    fix: tag the file serial',
      '',
    ]);
    expect(text).toContain('1 finding in 1 file (scanned 120 files)');
  });

  it('still says there are no findings when only candidates were found', () => {
    const text = formatText(result({ candidates: [candidate, { ...candidate, line: 9 }] }));

    expect(text.split('\n').at(-1)).toBe('No parallel-safety findings in 120 files.');
    expect(text).toContain('Serial candidates (1 file;');
  });
});
