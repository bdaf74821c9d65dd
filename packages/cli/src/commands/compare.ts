import * as path from 'node:path';
import { JEST_PERF_CLI, readRunFile, writeFileAtomic } from '@jest-perf/core';
import { compareRuns, renderComparison, updateMarkedSection } from '@jest-perf/report';
import { oneOf, optionalString } from '../args';
import type { CommandModule } from '../command';
import { readRowsFile } from '../compare/rowsFile';
import { EXIT } from '../io';
import { openProject, type Project } from '../project';
import { resolveRunRef } from '../runs/runRef';
import { usageError } from '../usageError';

interface CompareOptions {
  root: string;
  before: string;
  after: string;
  rows: string | undefined;
  format: 'markdown' | 'json';
  out: string | undefined;
  updateDocs: string | undefined;
  section: string;
}

const EXAMPLE = `${JEST_PERF_CLI} compare latest~1 latest   (or two run files: compare before.json after.json)`;

/**
 * `jest-perf compare <before> <after>`: two runs side by side (wall, test, hook time, counters), each
 * named by a run file, a run id, `latest` or `latest~N` (see {@link resolveRunRef}).
 */
export const compareCommand: CommandModule<CompareOptions> = {
  command: 'compare <before> <after>',
  describe: 'Compare two runs (files, ids, latest, latest~N): wall, test and hook time, timed counters, speedups',
  example: EXAMPLE,
  builder: (yargs) =>
    yargs
      .positional('before', { type: 'string', describe: 'the "before" run: a run file, a run id, latest~N' })
      .positional('after', { type: 'string', describe: 'the "after" run: a run file, a run id, latest' })
      .option('rows', { type: 'string', describe: 'JSON file naming rows: [{ name, metrics: [...], note? }]' })
      .option('format', { choices: ['markdown', 'json'], default: 'markdown' })
      .option('out', { type: 'string', describe: 'write the comparison to a file instead of stdout' })
      .option('update-docs', { type: 'string', describe: 'rewrite a marked section of this markdown file' })
      .option('section', { type: 'string', default: 'compare', describe: 'name of the marked section' }),
  parse(args) {
    const format = oneOf(args.format, ['markdown', 'json'] as const, 'format', EXAMPLE);
    const section = optionalString(args.section) ?? 'compare';
    if (!/^[a-z][\w-]*$/.test(section)) throw usageError(`--section must be a word (got "${section}")`, EXAMPLE);
    const updateDocs = optionalString(args['update-docs']);
    if (updateDocs !== undefined && format === 'json') {
      throw usageError('--update-docs writes markdown; it cannot be combined with --format json', EXAMPLE);
    }
    return {
      root: String(args.root),
      before: String(args.before),
      after: String(args.after),
      rows: optionalString(args.rows),
      format,
      out: optionalString(args.out),
      updateDocs,
      section,
    };
  },
  run(options, io) {
    const resolve = (file: string) => path.resolve(io.cwd, file);
    let project: Project | undefined;
    const paths = () => (project ??= openProject(options.root)).paths;
    const before = readRunFile(resolveRunRef(options.before, io.cwd, paths));
    const after = readRunFile(resolveRunRef(options.after, io.cwd, paths));
    const rows = compareRuns(before, after, options.rows ? readRowsFile(resolve(options.rows)) : undefined);
    const text =
      options.format === 'json'
        ? `${JSON.stringify({ before: options.before, after: options.after, rows }, null, 2)}\n`
        : renderComparison(rows);
    if (options.updateDocs) {
      const changed = updateMarkedSection(resolve(options.updateDocs), text, options.section);
      io.out(`${changed ? 'Updated' : 'Unchanged'}: ${options.updateDocs} (section ${options.section})`);
    }
    if (options.out) {
      writeFileAtomic(resolve(options.out), text);
      io.out(`Comparison → ${options.out}`);
    } else if (!options.updateDocs) {
      io.out(text);
    }
    return EXIT.ok;
  },
};
