import * as path from 'node:path';
import { JEST_PERF_CLI, readRunFile, saveRun, writeJsonAtomic } from '@jest-perf/core';
import { mergeRuns } from '../analysis/mergeRuns';
import { optionalString } from '../args';
import type { CommandModule } from '../command';
import { EXIT } from '../io';
import { openProject } from '../project';
import { usageError } from '../usageError';

interface MergeOptions {
  root: string;
  files: string[];
  out: string | undefined;
}

const EXAMPLE = `${JEST_PERF_CLI} merge shards/*.json`;

/** `jest-perf merge <files..>`: one run from the shards' run files, stored like a tracked run. */
export const mergeCommand: CommandModule<MergeOptions> = {
  command: 'merge <files..>',
  describe: 'Combine run files from CI shards into one run (stored as latest + history)',
  example: EXAMPLE,
  builder: (yargs) =>
    yargs
      .positional('files', { type: 'string', array: true, describe: 'run files of the shards' })
      .option('out', { type: 'string', describe: 'write the merged run here instead of storing it' }),
  parse(args) {
    const files = (Array.isArray(args.files) ? args.files : []).map(String);
    if (files.length === 0) throw usageError('merge needs at least one run file', EXAMPLE);
    return { root: String(args.root), files, out: optionalString(args.out) };
  },
  run(options, io) {
    const runs = options.files.map((file) => readRunFile(path.resolve(io.cwd, file)));
    const merged = mergeRuns(runs);
    if (options.out) {
      writeJsonAtomic(path.resolve(io.cwd, options.out), merged);
      io.out(`Merged ${runs.length} run(s), ${merged.summary.total} tests → ${options.out}`);
    } else {
      const project = openProject(options.root);
      const saved = saveRun(project.paths, merged, project.config.historySize);
      io.out(`Merged ${runs.length} run(s), ${merged.summary.total} tests → ${path.relative(io.cwd, saved.runFile)}`);
    }
    if (merged.incomplete) io.err(`warning: merged run is incomplete:\n  ${merged.incompleteReasons.join('\n  ')}`);
    return EXIT.ok;
  },
};
