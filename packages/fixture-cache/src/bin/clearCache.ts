#!/usr/bin/env node
import { clearCache } from '../invalidation';

const USAGE = `Usage: jest-perf-cache-clear [dir]

Removes every fixture cache entry from dir (default: $JEST_PERF_CACHE_DIR, else .jest-perf/cache
next to the nearest package.json). Entries being written by running workers are left alone.

Example: jest-perf-cache-clear packages/app/.jest-perf/cache`;

/** Parses the arguments and clears; returns the exit code (0 ok, 2 usage). Exported for tests. */
export function main(
  argv: readonly string[],
  out: (line: string) => void = console.log,
  err: (line: string) => void = console.error,
): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    out(USAGE);
    return 0;
  }
  if (argv.length > 1 || argv.some((arg) => arg.startsWith('-'))) {
    err(`Unexpected arguments: ${argv.join(' ')}\n\n${USAGE}`);
    return 2;
  }
  const result = clearCache(argv[0]);
  const mb = (result.removedBytes / 1024 / 1024).toFixed(1);
  out(`Removed ${result.removedEntries} fixture cache entries (${mb} MB) from ${result.dir}`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
