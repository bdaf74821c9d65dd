import * as api from '../api';
import { FileRecorder } from '../FileRecorder';
import { withPerfTracking } from '../withPerfTracking';

describe('@jest-perf/environment/api entry', () => {
  it('exports the building blocks for custom environments', () => {
    expect(api.FileRecorder).toBe(FileRecorder);
    expect(api.withPerfTracking).toBe(withPerfTracking);
    for (const fn of [api.applyTagFilter, api.isFilteredOut, api.tagFilterFromEnv, api.appendWorkerRecord]) {
      expect(typeof fn).toBe('function');
    }
    expect(typeof api.currentWorkerId).toBe('function');
    expect(api.WORKER_DIR_ENV).toBe('JEST_PERF_WORKER_DIR');
  });
});
