/*
 * One process of the lock benchmark (forked by cacheBench): asks for a cold table and reports
 * whether it had to build it.
 */
import { cachedTable } from '../dist/cachedTable';
import { getCacheStats } from '../dist/stats';
import { buildTable } from './generators';

interface ChildOptions {
  dir: string;
  rows: number;
  lock: boolean;
}

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '{}') as ChildOptions;
  const table = await cachedTable({ bench: 'lock', rows: options.rows }, () => buildTable(options.rows, 11), {
    dir: options.dir,
    lock: options.lock,
    name: 'lock-bench',
  });
  if (table.numRows !== options.rows) throw new Error(`got ${table.numRows} rows`);
  process.send?.({ built: getCacheStats().misses });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
