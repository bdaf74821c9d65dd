import { formatDuration } from '@jest-perf/regression';
import { DEFAULT_PROFILE_OPTIONS, type HookProfile, profileFixtures } from '../analysis/profileFixtures';
import { oneOf, optionalString, positiveInt } from '../args';
import type { CommandModule } from '../command';
import { EXIT } from '../io';
import { loadRun, openProject } from '../project';
import { markdownTable } from '../report/markdownTable';

interface ProfileOptions {
  root: string;
  run: string | undefined;
  format: 'markdown' | 'json';
  top: number;
}

const EXAMPLE = 'jest-perf profile-fixtures --top 20';

export function renderHookProfiles(profiles: HookProfile[]): string {
  if (profiles.length === 0) return '_No hooks recorded (is the @jest-perf/environment in use?)._';
  const rows = profiles.map((p) => [
    `${p.file}${p.line === null ? '' : `:${p.line}`}`,
    [...p.describePath, p.type].join(' › '),
    String(p.calls),
    formatDuration(p.totalMs),
    formatDuration(p.averageMs),
    p.advice ?? '',
  ]);
  return markdownTable(['hook', 'scope', 'calls', 'total', 'average', 'advice'], rows);
}

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
