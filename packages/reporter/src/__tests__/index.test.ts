import { PerfReporter } from '../PerfReporter';

describe('@jest-perf/reporter entry', () => {
  it('is the reporter class itself, as Jest requires a reporter by path', () => {
    expect(require('../index')).toBe(PerfReporter);
  });
});
