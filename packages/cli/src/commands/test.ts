import * as path from 'node:path';
import { JEST_PERF_CLI, pathFromCwd, saveRun, writeJsonAtomic } from '@jest-perf/core';
import { readEnv } from '@jest-perf/core/env';
import { DEFAULT_SERIAL_TAG, type Lane } from '@jest-perf/parallel';
import { mergeLaneRuns } from '../analysis/mergeLaneRuns';
import { optionalString } from '../args';
import type { CommandModule } from '../command';
import { EXIT, type ExitCode } from '../io';
import { resolveJestBin } from '../jest/rerunFiles';
import { type ListJest, runLanes, type SpawnJest } from '../jest/runLanes';
import { openProject } from '../project';
import { usageError } from '../usageError';

export interface TestOptions {
  root: string;
  serialTag: string;
  jestBin: string | undefined;
  jestArgs: string[];
}

const EXAMPLE = `${JEST_PERF_CLI} test -- --maxWorkers=2`;

/**
 * `jest-perf test`: the suite in two lanes — parallel-safe tests on all workers, then `serial` tests in
 * band — as one command with one merged run file. `spawn` is injectable for tests.
 */
export function createTestCommand(spawn?: SpawnJest, list?: ListJest): CommandModule<TestOptions> {
  return {
    command: 'test',
    describe: 'Run Jest in two lanes: parallel-safe tests on all workers, then `serial`-tagged tests in band',
    example: EXAMPLE,
    builder: (yargs) =>
      yargs
        .option('serial-tag', { type: 'string', default: DEFAULT_SERIAL_TAG, describe: 'tag of the serial tests' })
        .option('jest-bin', { type: 'string', describe: 'Jest bin script (default: the project’s jest)' })
        .parserConfiguration({ 'populate--': true })
        .epilogue(`Jest arguments go after --, e.g. ${JEST_PERF_CLI} test -- --maxWorkers=2 tests/unit`),
    parse(args) {
      const serialTag = optionalString(args['serial-tag']) ?? DEFAULT_SERIAL_TAG;
      if (!/^[A-Za-z][\w-]*$/.test(serialTag)) {
        throw usageError(`--serial-tag must be a tag word like "serial" (got "${serialTag}")`, EXAMPLE);
      }
      return {
        root: String(args.root),
        serialTag,
        jestBin: optionalString(args['jest-bin']),
        jestArgs: Array.isArray(args['--']) ? args['--'].map(String) : [],
      };
    },
    run(options, io): ExitCode {
      const root = path.resolve(io.cwd, options.root);
      const result = runLanes({
        cwd: root,
        jestBin: options.jestBin ?? resolveJestBin(root),
        jestArgs: options.jestArgs,
        serialTag: options.serialTag,
        env: io.env,
        spawn,
        list,
        onLane: (lane, serialFiles) => io.err(laneHeading(lane, serialFiles, options.serialTag, io.cwd)),
      });
      if (result.runs.length > 0) {
        const merged = mergeLaneRuns(result.runs);
        const output = readEnv('JEST_PERF_OUTPUT', io.env);
        let written: string;
        if (output) {
          written = path.resolve(io.cwd, output);
          writeJsonAtomic(written, merged);
        } else {
          const project = openProject(root);
          written = saveRun(project.paths, merged, project.config.historySize).runFile;
        }
        const where = pathFromCwd(io.cwd, written);
        const lanes = result.runs.length === 1 ? 'one lane' : `${result.runs.length} lanes`;
        io.err(`jest-perf: ${merged.summary.total} tests from ${lanes} → one run ${where}`);
        io.err(`  next: ${JEST_PERF_CLI} report${output ? ` --run ${where}` : ''}`);
      }
      return result.exitCode === 0 ? EXIT.ok : EXIT.failed;
    },
  };
}

/** What a lane is about to run, and where: files named from the user's cwd. */
export function laneHeading(lane: Lane, serialFiles: string[] | null, tag: string, cwd: string): string {
  if (lane === 'serial') {
    const files = (serialFiles ?? []).map((file) => pathFromCwd(cwd, file));
    const shown = files.length > 3 ? `${files.slice(0, 3).join(', ')}, …` : files.join(', ');
    const which = serialFiles === null ? '' : ` of ${files.length} file(s): ${shown}`;
    return `jest-perf: serial lane: the @${tag} tests${which}, in band`;
  }
  if (serialFiles?.length === 0) return `jest-perf: no @${tag} tests: one run, on all workers`;
  return `jest-perf: parallel lane: the tests without @${tag}, on all workers`;
}

export const testCommand = createTestCommand();
