import * as path from 'node:path';
import { BUILD_BASELINE, JEST_PERF_CLI } from '@jest-perf/core';
import { envValues } from '@jest-perf/core/env';
import type { CommandModule } from '../command';
import { EXIT, type ExitCode } from '../io';
import { resolveJestBin } from '../jest/rerunFiles';
import { type SpawnJest, spawnInherit } from '../jest/runLanes';
import { markBeforeRun, noRunRecorded, runWasRecorded } from '../jest/runRecorded';

export interface TrackOptions {
  root: string;
  /** Everything after `track`, for Jest, as the user wrote it. */
  jestArgs: string[];
}

const EXAMPLE = `${JEST_PERF_CLI} track --maxWorkers=2 src/orders`;

/**
 * `jest-perf track [jest args]`: one tracked Jest run, `JEST_PERF=1 jest` on any shell (Windows' cmd has no
 * `VAR=value command`), which is why `jest-perf init` writes it as the `perf:track` script. The project's
 * own Jest runs with the user's arguments as they are. A run that records nothing (a config without
 * jest-perf) exits 2 with the fix, rather than 0 with nothing tracked. `spawn` and `jestBin` are injectable for tests.
 */
export function createTrackCommand(
  spawn: SpawnJest = spawnInherit,
  jestBin: (root: string) => string = resolveJestBin,
): CommandModule<TrackOptions> {
  return {
    command: 'track',
    describe: 'Run Jest once with tracking on (JEST_PERF=1, on any shell); the arguments after track go to Jest',
    example: EXAMPLE,
    builder: (yargs) =>
      yargs
        // Jest's options are not jest-perf's: each one goes through, in order, as the user wrote it.
        .strict(false)
        .parserConfiguration({
          'unknown-options-as-args': true,
          'populate--': true,
          'parse-numbers': false,
          'parse-positional-numbers': false,
        })
        .epilogue(`e.g. ${EXAMPLE}; after a few tracked runs: ${BUILD_BASELINE}`),
    parse(args) {
      const positional = Array.isArray(args._) ? args._.slice(1).map(String) : [];
      const afterDashes = Array.isArray(args['--']) ? args['--'].map(String) : [];
      // jest-perf's own --version flag takes it from the arguments: after `track` it is Jest's.
      const version = args.version === true ? ['--version'] : [];
      return { root: String(args.root), jestArgs: [...positional, ...version, ...afterDashes] };
    },
    run(options, io): ExitCode {
      const root = path.resolve(io.cwd, options.root);
      const env = { ...io.env, ...envValues({ JEST_PERF: true }) };
      const mark = markBeforeRun(root, options.jestArgs, env);
      const status = spawn([jestBin(root), ...options.jestArgs], { cwd: root, env });
      // A Jest config without jest-perf runs the tests and records nothing: said, and not a success.
      const recorded = mark === null || runWasRecorded(mark);
      if (!recorded) io.err(noRunRecorded(root, options.jestArgs));
      if (status !== 0) return EXIT.failed;
      return recorded ? EXIT.ok : EXIT.usage;
    },
  };
}

export const trackCommand = createTrackCommand();
