import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildBaseline, writeBaseline } from '@jest-perf/regression';
import { optionalString, positiveInt } from '../args';
import type { CommandModule } from '../command';
import { EXIT } from '../io';
import { loadHistory, loadRun, openProject } from '../project';
import { usageError } from '../usageError';

interface BaselineOptions {
  root: string;
  fromHistory: number | undefined;
  run: string | undefined;
}

const EXAMPLE = 'jest-perf baseline --from-history 5';

/** `jest-perf baseline`: create or update the committed baseline from the latest run or the history. */
export const baselineCommand: CommandModule<BaselineOptions> = {
  command: 'baseline',
  describe:
    'Create or update the baseline from the latest run, or from the last N runs (--from-history N, recommended)',
  builder: (yargs) =>
    yargs
      .option('from-history', { type: 'number', requiresArg: true, describe: 'use the newest N runs of the history' })
      .option('run', { type: 'string', describe: 'use this run file instead of the latest run' }),
  parse(args) {
    const fromHistory = positiveInt(args['from-history'], 'from-history', EXAMPLE);
    const run = optionalString(args.run);
    if (fromHistory !== undefined && run !== undefined) {
      throw usageError('--from-history and --run both pick the source runs: use one', EXAMPLE);
    }
    return { root: String(args.root), fromHistory, run };
  },
  run(options, io) {
    const project = openProject(options.root);
    const { config, paths } = project;
    const existed = fs.existsSync(paths.baseline);
    const baseline =
      options.fromHistory === undefined
        ? buildBaseline([loadRun(project, options.run, io.cwd)], config)
        : buildBaseline({ history: loadHistory(project, io), fromHistory: options.fromHistory }, config);
    writeBaseline(paths.baseline, baseline);
    const runs = baseline.source.runIds.length;
    io.out(
      `${existed ? 'Updated' : 'Created'} ${path.relative(io.cwd, paths.baseline) || paths.baseline} from ${runs} run(s): ` +
        `${Object.keys(baseline.tests).length} tests, ${Object.keys(baseline.suites).length} suites, ${baseline.slowCount} slow.`,
    );
    if (runs < 3)
      io.out('Tip: a baseline from 5+ runs (--from-history 5) knows its own noise and flags fewer false regressions.');
    return EXIT.ok;
  },
};
