import { JEST_PERF_CLI } from '@jest-perf/core';
import { DEFAULT_PROFILE_OPTIONS, profileFixtures, renderHookProfiles } from '@jest-perf/report';
import { oneOf, optionalString, positiveInt } from '../args';
import type { CommandModule } from '../command';
import { EXIT } from '../io';
import { loadRun, openProject } from '../project';

interface ProfileOptions {
  root: string;
  run: string | undefined;
  format: 'markdown' | 'json';
  top: number;
}

const EXAMPLE = `${JEST_PERF_CLI} profile-fixtures --top 20`;

/** `jest-perf profile-fixtures`: hooks ranked by total cost, with scope advice. */
export const profileFixturesCommand: CommandModule<ProfileOptions> = {
  command: 'profile-fixtures',
  describe: 'Rank hooks (fixtures) by total cost and flag candidates for beforeAll or worker scope',
  example: EXAMPLE,
  builder: (yargs) =>
    yargs
      .option('run', { type: 'string', describe: 'run file to read (default: latest)' })
      .option('format', { choices: ['markdown', 'json'], default: 'markdown' })
      .option('top', { type: 'number', requiresArg: true, default: 20, describe: 'how many hooks to list' }),
  parse: (args) => ({
    root: String(args.root),
    run: optionalString(args.run),
    format: oneOf(args.format, ['markdown', 'json'] as const, 'format', EXAMPLE),
    top: positiveInt(args.top, 'top', EXAMPLE) ?? 20,
  }),
  run(options, io) {
    const run = loadRun(openProject(options.root), options.run, io.cwd);
    const profiles = profileFixtures(run, DEFAULT_PROFILE_OPTIONS).slice(0, options.top);
    if (options.format === 'json') io.out(JSON.stringify(profiles, null, 2));
    else io.out(`## Hook / fixture time\n\n${renderHookProfiles(profiles)}`);
    return EXIT.ok;
  },
};
