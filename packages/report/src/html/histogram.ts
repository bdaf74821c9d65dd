/** One bar of the duration histogram: tests with `fromMs <= duration < toMs`. */
export interface HistogramBin {
  fromMs: number;
  toMs: number;
  count: number;
}

/** 1 ms, 2 ms, 5 ms, 10 ms, 20 ms, 50 ms …: the upper edge of bin `k` (k ≥ 0). */
function edge(k: number): number {
  return ([1, 2, 5][k % 3] as number) * 10 ** Math.floor(k / 3);
}

/** The bin a duration falls in: 0 is `[0, 1 ms)`, k ≥ 1 is `[edge(k-1), edge(k))`. */
function binOf(ms: number): number {
  let k = 0;
  while (ms >= edge(k)) k += 1;
  return k;
}

/**
 * Log-scale (1-2-5) bins over the durations, from the smallest duration's bin to the largest's with the empty
 * bins between kept, so the shape reads like a log axis. Test durations span 1 ms to minutes: equal-width
 * bins would put nearly every test in the first one. The counts sum to the number of finite durations.
 */
export function durationBins(durations: readonly number[]): HistogramBin[] {
  const counts = new Map<number, number>();
  for (const ms of durations) {
    if (!Number.isFinite(ms)) continue;
    const k = binOf(Math.max(0, ms));
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const keys = [...counts.keys()];
  if (keys.length === 0) return [];
  const first = Math.min(...keys);
  const last = Math.max(...keys);
  const bins: HistogramBin[] = [];
  for (let k = first; k <= last; k += 1) {
    bins.push({ fromMs: k === 0 ? 0 : edge(k - 1), toMs: edge(k), count: counts.get(k) ?? 0 });
  }
  return bins;
}
