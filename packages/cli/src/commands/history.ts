import * as fs from 'node:fs';
import * as path from 'node:path';
import { exportHistory, importHistory, JEST_PERF_CLI } from '@jest-perf/core';
import { optionalString } from '../args';
import type { CommandModule } from '../command';
import { type CliIo, EXIT } from '../io';
import { loadHistory, openProject, type Project } from '../project';
import { usageError } from '../usageError';

type HistoryOptions =
  | { root: string; action: 'export'; out: string }
  | { root: string; action: 'import'; file: string; ifPresent: boolean };

const EXPORT_EXAMPLE = `${JEST_PERF_CLI} history export --out perf-history.arrow`;
const IMPORT_EXAMPLE = `${JEST_PERF_CLI} history import perf-history.arrow`;

function runExport(project: Project, out: string, io: CliIo): void {
  const file = path.resolve(io.cwd, out);
  const { runIds, skipped } = exportHistory(project.paths, file, project.config.historySize);
  for (const reason of skipped) io.err(`jest-perf: left a run file out of the export: ${reason}`);
  const size = `${(fs.statSync(file).size / 1024).toFixed(1)} KB`;
  io.out(`Exported ${runIds.length} run(s) → ${path.relative(io.cwd, file) || file} (${size})`);
}

function runImport(project: Project, from: string, ifPresent: boolean, io: CliIo): void {
  const file = path.resolve(io.cwd, from);
  if (ifPresent && !fs.existsSync(file)) {
    io.out(`No history to import (${from} does not exist yet): the history starts with this run.`);
    return;
  }
  const { imported, alreadyHere, pruned } = importHistory(project.paths, file, project.config.historySize);
  const here = alreadyHere.length > 0 ? `, ${alreadyHere.length} already here` : '';
  const dropped =
    pruned.length > 0 ? `; dropped the ${pruned.length} oldest to keep historySize ${project.config.historySize}` : '';
  io.out(`Imported ${imported.length} run(s) from ${from}${here}${dropped}.`);
  // Indexed now, so a damaged run is named at import, not by the next command.
  io.out(`History: ${loadHistory(project, io).runs.length} run(s).`);
}

/** `jest-perf history export --out <file>` | `jest-perf history import <file>`: the history across CI runs. */
export const historyCommand: CommandModule<HistoryOptions> = {
  command: 'history <action> [file]',
  describe: 'Carry the run history between CI runs: export --out <file> | import <file> (merged, newest kept)',
  builder: (yargs) =>
    yargs
      .positional('action', { type: 'string', choices: ['export', 'import'], describe: 'export or import' })
      .positional('file', { type: 'string', describe: 'export file to import' })
      .option('out', { type: 'string', describe: 'export: the file to write (one Arrow file for a CI cache)' })
      .option('if-present', {
        type: 'boolean',
        default: false,
        describe: 'import: do nothing when the file does not exist (the first CI run)',
      }),
  parse(args) {
    const root = String(args.root);
    const file = optionalString(args.file);
    const out = optionalString(args.out);
    if (args.action === 'export') {
      if (file !== undefined) throw usageError(`history export writes to --out, not to '${file}'`, EXPORT_EXAMPLE);
      if (out === undefined) throw usageError('history export needs --out <file>', EXPORT_EXAMPLE);
      return { root, action: 'export', out };
    }
    if (args.action !== 'import') throw usageError(`history needs export or import`, IMPORT_EXAMPLE);
    if (out !== undefined) throw usageError('history import reads a file; --out is for export', IMPORT_EXAMPLE);
    if (file === undefined) throw usageError('history import needs the file to import', IMPORT_EXAMPLE);
    return { root, action: 'import', file, ifPresent: args['if-present'] === true };
  },
  run(options, io) {
    const project = openProject(options.root);
    if (options.action === 'export') runExport(project, options.out, io);
    else runImport(project, options.file, options.ifPresent, io);
    return EXIT.ok;
  },
};
