import type { Argv } from 'yargs';
import type { CliIo, ExitCode } from './io';

/** Raw parsed flags as yargs hands them over. */
export type RawArgs = Record<string, unknown>;

/**
 * One CLI command. `parse` is pure: it turns yargs' raw flags into typed options or throws a usage
 * error (with an "Example:"), so every flag rule is unit-tested without spawning the CLI.
 */
export interface CommandModule<Options> {
  command: string;
  describe: string;
  /** A right call of this command, shown under a usage error yargs reports (a missing argument). */
  example?: string;
  /** A right call per flag (by name without dashes), shown instead when yargs' error is about that flag. */
  flagExamples?: Readonly<Record<string, string>>;
  builder(yargs: Argv): Argv;
  parse(args: RawArgs): Options;
  run(options: Options, io: CliIo): Promise<ExitCode> | ExitCode;
}

// Commands are stored heterogeneously; each one's parse and run agree on its own Options.
// biome-ignore lint/suspicious/noExplicitAny: the registry erases each command's Options type
export type AnyCommand = CommandModule<any>;
