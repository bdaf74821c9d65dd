/** Runs `fn` `runs` times and returns the median duration in ms. */
export async function medianMs(runs: number, fn: (run: number) => unknown): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    await fn(run);
    times.push(performance.now() - start);
  }
  return median(times);
}

/** Median of a non-empty list. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** `0.04 ms`, `38 ms`, `2.41 s`. */
export function formatMs(ms: number): string {
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

/** `98.3 % less` (or `12.0 % more`) time than `base`. */
export function formatLess(ms: number, base: number): string {
  const less = (1 - ms / base) * 100;
  return less >= 0 ? `${less.toFixed(1)} % less` : `${(-less).toFixed(1)} % more`;
}

/** `58.7 MB`. */
export function formatBytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A markdown table row. */
export const row = (cells: string[]): string => `| ${cells.join(' | ')} |`;

/**
 * Median time of each variant over `runs` rounds; every round runs every variant once, in an order
 * rotated each round, so a burst of background load hits all variants alike.
 */
export async function interleaved<K extends string>(
  runs: number,
  variants: Record<K, (run: number) => unknown>,
): Promise<Record<K, number>> {
  const names = Object.keys(variants) as K[];
  const samples = new Map<K, number[]>(names.map((name) => [name, []]));
  for (let run = 0; run < runs; run += 1) {
    for (let i = 0; i < names.length; i += 1) {
      const name = names[(i + run) % names.length] as K;
      const start = performance.now();
      await variants[name](run);
      samples.get(name)?.push(performance.now() - start);
    }
  }
  return Object.fromEntries(names.map((name) => [name, median(samples.get(name) ?? [])])) as Record<K, number>;
}
