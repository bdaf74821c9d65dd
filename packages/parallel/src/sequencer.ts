import type { Test } from '@jest/test-result';
import type TestSequencerType from '@jest/test-sequencer';
import type { ShardOptions } from '@jest/test-sequencer';

/**
 * The project's own Jest sequencer (an optional peer: Jest 29 or 30, whichever the project runs). A strict
 * install (pnpm) links it here only when the project lists it, so it is otherwise found through the project's Jest.
 */
function loadTestSequencer(): typeof TestSequencerType {
  let loaded: { default?: typeof TestSequencerType } & typeof TestSequencerType;
  try {
    loaded = require('@jest/test-sequencer');
  } catch {
    const { resolveFromProject } =
      require('@jest-perf/core/jest-module') as typeof import('@jest-perf/core/jest-module');
    const file = resolveFromProject('@jest/test-sequencer', process.cwd());
    if (!file) {
      const { installDevCommand } = require('@jest-perf/core/command') as typeof import('@jest-perf/core/command');
      throw new Error(
        `@jest-perf/parallel/sequencer: cannot find @jest/test-sequencer from the project. Fix: ${installDevCommand(process.cwd(), '@jest/test-sequencer')} (the version of your jest)`,
      );
    }
    loaded = require(file);
  }
  return loaded.default ?? loaded;
}

const TestSequencer = loadTestSequencer();

/**
 * `testSequencer: '@jest-perf/parallel/sequencer'`: under `--shard i/n`, files go to
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
