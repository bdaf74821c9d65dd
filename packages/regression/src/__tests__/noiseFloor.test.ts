import type { DurationStats } from '@jest-perf/core';
import { MIN_OWN_SAMPLES, pooledNoiseFloor, STALL_MARGIN } from '../noiseFloor';

/** Stats of a thing with relative robust spread `cv` (1.4826 × MAD / median) and a stall of `stall` × median. */
function thing(median: number, cv: number, stall = 0, samples = 5): DurationStats {
  const mad = (cv * median) / 1.4826;
  return { median, mad, samples, min: median - mad, max: median * (1 + stall) };
}

describe('pooledNoiseFloor', () => {
  it('pools the relative spreads of a size class: the median of its members', () => {
    const floor = pooledNoiseFloor(
      [0.01, 0.02, 0.03, 0.04, 0.5].map((cv) => thing(100, cv)),
      0,
      0.15,
    );
    expect(floor.cvAt(100)).toBeCloseTo(0.03, 10);
    // 64–128 ms is one class.
    expect(floor.cvAt(70)).toBeCloseTo(0.03, 10);
  });

  it('borrows from neighbouring classes when its own has fewer than 5 members', () => {
    const floor = pooledNoiseFloor([thing(100, 0.1), thing(200, 0.2), thing(200, 0.2), thing(400, 0.3)], 0, 0.15);
    // Class of 100 ms: itself and 200 ms (reach 1), then 400 ms (reach 2): median of 0.1, 0.2, 0.2, 0.3.
    expect(floor.cvAt(100)).toBeCloseTo(0.2, 10);
  });

  it('falls back without data, never goes below minCv, and ignores things with too few runs or no time', () => {
    expect(pooledNoiseFloor([], 0.02, 0.15).cvAt(100)).toBe(0.15);
    expect(pooledNoiseFloor([thing(100, 0.001)], 0.02, 0.15).cvAt(100)).toBe(0.02);
    const ignored = [thing(100, 0.5, 0, MIN_OWN_SAMPLES - 1), thing(0, 0.5)];
    expect(pooledNoiseFloor(ignored, 0.02, 0.15).cvAt(100)).toBe(0.15);
  });

  it(`allows a stall ${STALL_MARGIN}× the largest its class and neighbours saw, relative to the size`, () => {
    const floor = pooledNoiseFloor([thing(100, 0.02, 0.3), thing(200, 0.02, 0.1), thing(10_000, 0.02, 0.05)], 0, 0.15);
    // Largest relative stall near 150 ms: 30 % (100 ms class) → 2 × 0.3 × 150.
    expect(floor.stallAt(150)).toBeCloseTo(90, 10);
    // Far from any member: no stall seen.
    expect(floor.stallAt(2000)).toBe(0);
  });

  it('with stallsOfAnySize, allows the largest stall seen anywhere at every size (start-up)', () => {
    const stats = [thing(100, 0.02, 0.3), thing(10_000, 0.02, 0.05)];
    // Largest absolute stall: 5 % of 10 s = 500 ms.
    expect(pooledNoiseFloor(stats, 0, 0.15, { stallsOfAnySize: true }).stallAt(20)).toBeCloseTo(STALL_MARGIN * 500, 6);
    expect(pooledNoiseFloor(stats, 0, 0.15).stallAt(20)).toBeCloseTo(0, 10);
  });
});
