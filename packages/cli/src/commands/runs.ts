import { JEST_PERF_CLI } from '@jest-perf/core';
import { oneOf, positiveInt } from '../args';
import type { CommandModule } from '../command';
import { EXIT } from '../io';
import { openProject } from '../project';
import { listRuns } from '../runs/listRuns';
import { renderRuns } from '../runs/renderRuns';

interface RunsOptions {
  root: string;
  limit: number;
  format: 'text' | 'json';
}

const EXAMPLE = `${JEST_PERF_CLI} runs --limit 5`;
const FORMATS = ['text', 'json'] as const;
const DEFAULT_LIMIT = 20;

/** `jest-perf runs`: the stored runs, newest first, with the refs and ids that `report` and `compare` take. */
export const runsCommand: CommandModule<RunsOptions> = {
  command: 'runs',
  describe: 'List the stored runs (id, date, commit, tests, wall time, status), newest first',
  example: EXAMPLE,
  builder: (yargs) =>
    yargs
      .option('limit', { type: 'number', requiresArg: true, default: DEFAULT_LIMIT, describe: 'runs to list' })
      .option('format', { choices: FORMATS, default: 'text' }),
  parse(args) {
    return {
      root: String(args.root),
      limit: positiveInt(args.limit, 'limit', EXAMPLE) ?? DEFAULT_LIMIT,
      format: oneOf(args.format, FORMATS, 'format', EXAMPLE),
    };
  },
  run(options, io) {
    const { paths } = openProject(options.root);
    const { runs, stored } = listRuns(paths, options.limit);
    io.out(options.format === 'json' ? `${JSON.stringify({ stored, runs }, null, 2)}\n` : renderRuns(runs, stored));
    return EXIT.ok;
  },
};
