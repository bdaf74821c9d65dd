import * as api from '../index';

describe('the audit and tmpDir API of @jest-perf/parallel', () => {
  it('exports the audit functions, which load the parser on first use', () => {
    const result = api.auditSource('src/a.test.ts', "const dir = '/tmp/shared';");

    expect(result.findings.map((finding) => finding.rule)).toEqual(['shared-tmp-path']);
    expect(api.RULE_IDS).toHaveLength(6);
    expect(api.isRuleId('fixed-port')).toBe(true);
    expect(typeof api.auditFiles).toBe('function');
    expect(typeof api.formatText).toBe('function');
  });

  it('exports the side-effect-free tmpDir factory, not the hook-registering tmpDir()', () => {
    expect(typeof api.createTmpDirs).toBe('function');
    expect(api.KEEP_TMP_ENV).toBe('JEST_PERF_KEEP_TMP');
    expect('tmpDir' in api).toBe(false);
  });
});
