/** Jest's `--seed` range: a signed 32-bit integer (`-0x80000000` to `0x7fffffff`). */
export const MIN_SEED = -0x80000000;
export const MAX_SEED = 0x7fffffff;
const SPAN = 2 ** 32;

export function isSeed(value: number): boolean {
  return Number.isInteger(value) && value >= MIN_SEED && value <= MAX_SEED;
}

/** A first seed when the user gave none, drawn like Jest draws its own. */
export function randomSeed(random: () => number = Math.random): number {
  return Math.floor(random() * SPAN) + MIN_SEED;
}

/**
 * Seeds of `runs` runs: `first`, `first + 1`, … wrapped around inside Jest's range, so one printed
 * number (`--seed`) repeats the whole series.
 */
export function seedsFrom(first: number, runs: number): number[] {
  return Array.from({ length: runs }, (_, i) => ((((first - MIN_SEED + i) % SPAN) + SPAN) % SPAN) + MIN_SEED);
}
