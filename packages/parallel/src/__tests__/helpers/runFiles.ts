import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RunFile } from '@jest-perf/core';
import { runWithFiles as benchRun } from '../../../bench/shardsData';

/** A schema-valid run file whose only content is its files' runtimes (what shard planning reads). */
export function runWithFiles(files: Record<string, number>, shard: RunFile['shard'] = null): RunFile {
  return benchRun(new Map(Object.entries(files)), shard);
}

/** Writes `run` to `<root>/.jest-perf/<file>` (default latest.json), folders created. */
export function writeRun(root: string, run: RunFile, file = 'latest.json'): void {
  const target = path.join(root, '.jest-perf', file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, JSON.stringify(run));
}
