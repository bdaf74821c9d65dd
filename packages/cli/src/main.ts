import { JEST_PERF_CLI } from '@jest-perf/core';
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

const nameOf = (command: AnyCommand) => command.command.split(' ')[0] as string;

/** The command `argv` names, if it names one. */
function commandOf(argv: readonly string[], commands: readonly AnyCommand[]): AnyCommand | undefined {
  for (const arg of argv) {
    const command = commands.find((candidate) => nameOf(candidate) === arg);
    if (command) return command;
  }
  return undefined;
}

/**
 * A right call of the command `argv` names (of the last flag in `argv` it has one for, else its own
 * example), or of the CLI as a whole.
 */
export function exampleFor(argv: readonly string[], commands: readonly AnyCommand[]): string {
  const command = commandOf(argv, commands);
  if (!command) return `${JEST_PERF_CLI} report --format markdown   (see ${JEST_PERF_CLI} --help)`;
  const name = nameOf(command);
  const flags = argv.filter((arg) => arg.startsWith('--')).map((arg) => arg.slice(2).split('=')[0] as string);
  const flagged = flags
    .reverse()
    .map((flag) => command.flagExamples?.[flag])
    .find((example) => example !== undefined);
  const example = flagged ?? command.example ?? `${JEST_PERF_CLI} ${name}`;
  return `${example}   (see ${JEST_PERF_CLI} ${name} --help)`;
}

/**
 * What yargs says when `argv` names no command (none, or an unknown one), with the commands there are:
 * yargs' own "Unknown argument" would not say that the word was taken for a command.
 */
function noCommandMessage(argv: readonly string[], message: string, commands: readonly AnyCommand[]): string {
  // The first word that is neither a flag nor the value of --root is what the user meant as the command.
  const word = argv.find((arg, i) => !arg.startsWith('-') && argv[i - 1] !== '--root');
  let what = word === undefined ? 'No command given' : `Unknown command "${word}"`;
  if (word !== undefined && message.startsWith('Did you mean')) what += `. ${message}`;
  return `${what}\n  Fix: name one of the commands: ${commands.map(nameOf).join(', ')}`;
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
    .scriptName(JEST_PERF_CLI)
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
      const said = commandOf(argv, commands) ? message : noCommandMessage(argv, message, commands);
      const text = error && error.name !== 'YError' ? formatError(error, debug) : `jest-perf: ${said}`;
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
