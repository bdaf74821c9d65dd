import { JestPerfError } from '@jest-perf/core';
import { CHANGE_POINT_DEFAULTS, findChangePoints, resolveChangePointOptions } from '../changePoints';

/** Deterministic ±3 % wiggle so the series look like CI noise without randomness. */
const noise = [0, 0.03, -0.02, 0.01, -0.03, 0.02, -0.01, 0.025, -0.015, 0.005];
const series = (...segments: [ms: number, count: number][]): number[] =>
  segments.flatMap(([ms, count]) =>
    Array.from({ length: count }, (_, i) => ms * (1 + (noise[i % noise.length] as number))),
  );

describe('findChangePoints', () => {
  it('finds a step slowdown with its run index, segment means, change and p-value', () => {
    const [point, ...rest] = findChangePoints(series([1000, 20], [1500, 15]));
    expect(rest).toEqual([]);
    expect(point?.index).toBe(20);
    expect(point?.before.samples).toBe(20);
    expect(point?.after.samples).toBe(15);
    expect(point?.before.meanMs).toBeCloseTo(1000, -1);
    expect(point?.after.meanMs).toBeCloseTo(1500, -1);
    expect(point?.change).toBeCloseTo(0.5, 1);
    expect(point?.pValue).toBeLessThan(1e-10);
  });

  it('finds several steps, each measured against its neighbouring segments', () => {
    const points = findChangePoints(series([1000, 20], [2000, 20], [1000, 20]));
    expect(points.map((p) => p.index)).toEqual([20, 40]);
    expect(points[0]?.change).toBeCloseTo(1, 1);
    expect(points[1]?.change).toBeCloseTo(-0.5, 1);
    expect(points[1]?.before.samples).toBe(20);
  });

  it('reports nothing for a series that only wiggles', () => {
    expect(findChangePoints(series([1000, 60]))).toEqual([]);
  });

  it('skips absent runs (NaN) and reports indices in the original series', () => {
    const values = series([1000, 12], [1500, 12]);
    values.splice(3, 0, Number.NaN, Number.NaN);
    expect(findChangePoints(values).map((p) => p.index)).toEqual([14]);
  });

  it('skips series shorter than two minimum segments', () => {
    expect(findChangePoints(series([1000, 5], [3000, 4]))).toEqual([]);
    expect(findChangePoints(series([1000, 3], [3000, 3]), { minSegment: 3 })).toHaveLength(1);
  });

  it('skips series whose whole spread is below minRelativeChange, and drops smaller changes', () => {
    const flat = series([1000, 10], [1001, 10]).map((v) => Math.round(v / 100) * 100);
    expect(findChangePoints(flat)).toEqual([]);
    const small = series([1000, 30], [1080, 30]);
    expect(findChangePoints(small, { minRelativeChange: 0 })).toHaveLength(1);
    expect(findChangePoints(small, { minRelativeChange: 0.1 })).toEqual([]);
  });

  it('keeps a step between constant segments (zero variance on both sides)', () => {
    const points = findChangePoints([...Array(6).fill(10), ...Array(6).fill(20)]);
    expect(points).toMatchObject([{ index: 6, change: 1 }]);
    expect(points[0]?.pValue).toBeLessThan(1e-12);
  });

  it('reports a step up from 0 ms as an infinite change', () => {
    expect(findChangePoints([...Array(6).fill(0), ...Array(6).fill(20)])[0]?.change).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('resolveChangePointOptions', () => {
  it('fills in the documented defaults', () => {
    expect(resolveChangePointOptions()).toEqual(CHANGE_POINT_DEFAULTS);
    expect(CHANGE_POINT_DEFAULTS).toEqual({ pValue: 0.0001, minSegment: 5, minRelativeChange: 0.05 });
  });

  it.each([
    [{ pValue: 0 }, 'pValue'],
    [{ pValue: 1 }, 'pValue'],
    [{ minSegment: 1 }, 'minSegment'],
    [{ minSegment: 2.5 }, 'minSegment'],
    [{ minRelativeChange: -0.1 }, 'minRelativeChange'],
  ])('rejects %j naming the option', (options, name) => {
    expect(() => resolveChangePointOptions(options)).toThrow(JestPerfError);
    expect(() => resolveChangePointOptions(options)).toThrow(`The option ${name} should be`);
  });
});
