import * as api from '../index';

describe('the public API of @jest-perf/parallel', () => {
  it('exports the side-effect-free tmpDir factory, not the hook-registering tmpDir()', () => {
    expect(typeof api.createTmpDirs).toBe('function');
    expect(api.KEEP_TMP_ENV).toBe('JEST_PERF_KEEP_TMP');
    expect('tmpDir' in api).toBe(false);
  });

  it('no longer carries the audit (it moved to @jest-perf/audit)', () => {
    expect('auditFiles' in api).toBe(false);
  });
});
