import * as api from '../index';

describe('the public API of @jest-perf/parallel', () => {
  it('exports the side-effect-free tmpDir factory, not the hook-registering tmpDir()', () => {
    expect(typeof api.createTmpDirs).toBe('function');
    expect(api.KEEP_TMP_ENV).toBe('JEST_PERF_KEEP_TMP');
    expect('tmpDir' in api).toBe(false);
  });

  it('exports exactly the list in the README (the shard plan, lanes, temp folders)', () => {
    expect(Object.keys(api).sort()).toEqual(
      [
        'DEFAULT_SERIAL_TAG',
        'KEEP_TMP_ENV',
        'LANE_ENV',
        'SERIAL_TAG_ENV',
        'assignShards',
        'createTmpDirs',
        'fileLane',
      ].sort(),
    );
  });

  it('no longer carries the audit (it moved to @jest-perf/audit)', () => {
    expect('auditFiles' in api).toBe(false);
  });
});
