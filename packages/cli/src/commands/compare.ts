import * as path from 'node:path';
import { readRunFile, writeFileAtomic } from '@jest-perf/core';
import { oneOf, optionalString } from '../args';
import type { CommandModule } from '../command';
import { compareRuns } from '../compare/compareRuns';
import { renderComparison } from '../compare/renderComparison';
import { readRowsFile } from '../compare/rowsFile';
import { EXIT } from '../io';
import { updateMarkedSection } from '../report/updateMarkedSection';
import { usageError } from '../usageError';

interface CompareOptions {
  before: string;
  after: string;
  rows: string | undefined;
  format: 'markdown' | 'json';
  out: string | undefined;
  updateDocs: string | undefined;
  section: string;
}

const EXAMPLE = 'jest-perf compare before.json .jest-perf/latest.json --rows rows.json';

/** `jest-perf compare <before> <after>`: two run files side by side (wall, test, hook time, counters). */
export const compareCommand: CommandModule<CompareOptions> = {
  command: 'compare <before> <after>',
  describe: 'Compare two run files: wall, test and hook time, and timed counters, with the speedup of each',
  builder: (yargs) =>
    yargs
      .positional('before', { type: 'string', describe: 'run file of the "before" run' })
      .positional('after', { type: 'string', describe: 'run file of the "after" run' })
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
    const before = readRunFile(resolve(options.before));
    const after = readRunFile(resolve(options.after));
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
