import * as api from '../api';
import { withPerfTracking } from '../withPerfTracking';
import { wrappingEnvironment } from '../wrappingEnvironment';

describe('@jest-perf/environment/api entry', () => {
  it('exports what a custom environment needs, and nothing internal', () => {
    expect(api.withPerfTracking).toBe(withPerfTracking);
    expect(api.wrappingEnvironment).toBe(wrappingEnvironment);
    expect(Object.keys(api).sort()).toEqual(['withPerfTracking', 'wrappingEnvironment']);
  });
});
