import * as api from '../api';
import { PerfReporter } from '../PerfReporter';

describe('@jest-perf/reporter/api entry', () => {
  it('exports the reporter and the functions it is built from', () => {
    expect(api.PerfReporter).toBe(PerfReporter);
    for (const fn of [
      api.buildRunFile,
      api.isTrackingEnabled,
      api.validateOptions,
      api.readWorkerRecords,
      api.toRecords,
    ]) {
      expect(typeof fn).toBe('function');
    }
  });
});
