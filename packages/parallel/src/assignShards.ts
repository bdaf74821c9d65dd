/** A test file and its expected duration (undefined when there is no record of it). */
export interface WeightedFile {
  path: string;
  durationMs: number | undefined;
}

/**
 * Longest-processing-time-first: files sorted by duration (longest first, then by path), each given to
 * the shard with the least total so far (lowest index on ties). Deterministic for the same input, so
 * every CI machine computes the same split: no file runs twice, none is dropped. Files without a record
 * weigh the mean of the known ones.
 */
export function assignShards(files: readonly WeightedFile[], shardCount: number): string[][] {
  if (!Number.isInteger(shardCount) || shardCount < 1) {
    throw new TypeError(`shardCount should be a positive integer, got ${shardCount}`);
  }
  const known = files.map((f) => f.durationMs).filter((d): d is number => d !== undefined && Number.isFinite(d));
  const fallback = known.length > 0 ? known.reduce((a, b) => a + b, 0) / known.length : 1;
  const weighted = files
    .map((f) => ({
      path: f.path,
      weight: f.durationMs !== undefined && Number.isFinite(f.durationMs) ? f.durationMs : fallback,
    }))
    .sort((a, b) => b.weight - a.weight || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const shards = Array.from({ length: shardCount }, () => ({ total: 0, files: [] as string[] }));
  for (const file of weighted) {
    let target = shards[0] as (typeof shards)[number];
    for (const shard of shards) if (shard.total < target.total) target = shard;
    target.total += file.weight;
    target.files.push(file.path);
  }
  return shards.map((shard) => shard.files);
}

/** The largest shard total over the mean: 1.0 is a perfect balance. */
export function imbalance(shards: readonly (readonly string[])[], durationOf: (path: string) => number): number {
  const totals = shards.map((files) => files.reduce((sum, file) => sum + durationOf(file), 0));
  const mean = totals.reduce((a, b) => a + b, 0) / Math.max(1, totals.length);
  return mean > 0 ? Math.max(...totals) / mean : 1;
}
