import { readEnv } from '@jest-perf/core/env';
import yargs from 'yargs';
import type { AnyCommand, RawArgs } from './command';
import { auditCommand } from './commands/audit';
import { baselineCommand } from './commands/baseline';
import { categorizeCommand } from './commands/categorize';
import { checkCommand } from './commands/check';
import { compareCommand } from './commands/compare';
import { flakyCommand } from './commands/flaky';
import { historyCommand } from './commands/history';
import { initCommand } from './commands/init';
import { mergeCommand } from './commands/merge';
import { profileFixturesCommand } from './commands/profileFixtures';
import { reportCommand } from './commands/report';
import { runsCommand } from './commands/runs';
import { testCommand } from './commands/test';
import { trackCommand } from './commands/track';
import { type CliIo, EXIT, type ExitCode } from './io';
import { formatError } from './usageError';

export const COMMANDS: AnyCommand[] = [
  initCommand,
  trackCommand,
  reportCommand,
  runsCommand,
  baselineCommand,
  checkCommand,
  categorizeCommand,
  profileFixturesCommand,
  mergeCommand,
  historyCommand,
  testCommand,
  flakyCommand,
  compareCommand,
  auditCommand,
];

/** This package's version (`jest-perf --version`): the same relative path from `src/` and `dist/`. */
export function cliVersion(): string {
  return (require('../package.json') as { version: string }).version;
}

/** A right call of the command `argv` names (its own example), or of the CLI as a whole. */
export function exampleFor(argv: readonly string[], commands: readonly AnyCommand[]): string {
  const nameOf = (command: AnyCommand) => command.command.split(' ')[0] as string;
  for (const arg of argv) {
    const command = commands.find((candidate) => nameOf(candidate) === arg);
    if (command) return `${command.example ?? `jest-perf ${arg}`}   (see jest-perf ${arg} --help)`;
  }
  return 'jest-perf report --format markdown   (see jest-perf --help)';
}

/**
 * Runs the CLI on `argv` and returns the exit code: 0 ok, 1 the check failed, 2 usage or data error.
 * Never throws and never prints a stack trace for an error a user can fix.
 */
export async function runCli(argv: string[], io: CliIo, commands: AnyCommand[] = COMMANDS): Promise<ExitCode> {
  // Handled before yargs, which prints its version with console.log rather than through io.
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
    io.out(cliVersion());
    return EXIT.ok;
  }
  let exitCode: ExitCode = EXIT.ok;
  let failed = false;
  const debug = readEnv('JEST_PERF_DEBUG', io.env);
  let parser = yargs(argv)
    .scriptName('jest-perf')
    .option('root', { type: 'string', default: io.cwd, describe: 'project root (where the config lives)' })
    .strict()
    .demandCommand(1, 'Name a command.')
    .recommendCommands()
    .help()
    .version(false)
    .option('version', { alias: 'v', type: 'boolean', describe: 'print the version of jest-perf' })
    .wrap(Math.min(110, process.stdout.columns ?? 100))
    .exitProcess(false)
    .fail((message, error) => {
      if (failed) return;
      failed = true;
      exitCode = EXIT.usage;
      // yargs reports a flag it could not parse (a YError) with both; only other errors are unexpected.
      const text = error && error.name !== 'YError' ? formatError(error, debug) : `jest-perf: ${message}`;
      io.err(`${text}\nExample: ${exampleFor(argv, commands)}`);
    });
  for (const command of commands) {
    parser = parser.command(command.command, command.describe, command.builder, async (args) => {
      // yargs still calls the handler after a strict-mode failure when exitProcess is off.
      if (failed) return;
      try {
        exitCode = await command.run(command.parse(args as RawArgs), io);
      } catch (error) {
        failed = true;
        exitCode = EXIT.usage;
        io.err(formatError(error, debug));
      }
    });
  }
  try {
    await parser.parseAsync();
  } catch (error) {
    if (!failed) io.err(formatError(error, debug));
    return EXIT.usage;
  }
  return exitCode;
}
