// The public API, listed in the README ("Public API"): the `jest-perf` command as a function, for scripts and
// tests. The report's model and renderers are @jest-perf/report's.
export type { CommandModule } from './command';
export { type CliIo, EXIT, type ExitCode } from './io';
export { COMMANDS, runCli } from './main';
