import type { Test } from '@jest/test-result';
import TestSequencer, { type ShardOptions } from '@jest/test-sequencer';

/**
 * `testSequencer: '@jest-perf/parallel/sequencer'` (the preset sets it): under `--shard i/n`, files go to
 * shards by recorded duration (longest-processing-time greedy) instead of Jest's path hash, so shards
 * finish together. Without any record it falls back to Jest's own split.
 */
class BalancedSequencer extends TestSequencer {
  override shard(tests: Array<Test>, options: ShardOptions): Array<Test> | Promise<Array<Test>> {
    const rootDir = tests[0]?.context.config.rootDir;
    if (rootDir === undefined) return [];
    // Required here, not at the top: every run loads the sequencer, only sharded runs use these (with
    // core's config, run-file and schema modules, ~9 ms of Jest's start-up).
    const { relativePosix } = require('@jest-perf/core') as typeof import('@jest-perf/core');
    const { assignShards } = require('./assignShards') as typeof import('./assignShards');
    const { loadFileDurations } = require('./fileDurations') as typeof import('./fileDurations');
    const { durations } = loadFileDurations(rootDir);
    if (durations.size === 0) return super.shard(tests, options);
    const byPath = new Map(tests.map((test) => [relativePosix(rootDir, test.path), test]));
    const shards = assignShards(
      [...byPath.keys()].map((path) => ({ path, durationMs: durations.get(path) })),
      options.shardCount,
    );
    return (shards[options.shardIndex - 1] ?? []).map((path) => byPath.get(path) as Test);
  }
}

export = BalancedSequencer;
