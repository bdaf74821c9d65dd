import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BenchProject } from './generateProject';

/** The built CLI, run as a user runs it: a fresh process per command. */
const CLI = path.resolve(__dirname, '..', 'dist', 'bin.js');

/** Preloaded into the CLI process: prints its peak resident memory (KiB) on stderr as it exits. */
const PEAK_RSS_HOOK = `process.on('exit', () => process.stderr.write('\\npeak-rss-kib=' + process.resourceUsage().maxRSS + '\\n'));`;

export interface ProcessTiming {
  /** Wall-clock milliseconds, process start to exit. */
  ms: number;
  peakRssMb: number;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
}

/** Runs `jest-perf <argv>` in its own Node process (with `nodeArgs`, e.g. a heap limit), timed. */
export function timeProcess(project: BenchProject, argv: string[], nodeArgs: string[] = []): ProcessTiming {
  const hook = path.join(os.tmpdir(), `jest-perf-peak-rss-${process.pid}.js`);
  fs.writeFileSync(hook, PEAK_RSS_HOOK);
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [...nodeArgs, '--require', hook, CLI, ...argv, '--root', project.root], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  fs.rmSync(hook, { force: true });
  const rss = /peak-rss-kib=(\d+)/.exec(child.stderr ?? '');
  return { ms, peakRssMb: rss ? Number(rss[1]) / 1024 : Number.NaN, exitCode: child.status, signal: child.signal };
}

/** Deletes the history index, so the next command builds it from the run files (the first command's case). */
export function makeCold(project: BenchProject): void {
  fs.rmSync(project.paths.history, { force: true });
}

const describe = (t: ProcessTiming): string[] => [
  (t.ms / 1000).toFixed(2),
  Number.isNaN(t.peakRssMb) ? '—' : t.peakRssMb.toFixed(0),
  t.signal ?? String(t.exitCode),
];

/**
 * Cold (no history index: built from the run files, as after an upgrade or a first `report`) and warm
 * (index up to date) `report` and `check --last 5`, each a fresh process, plus a cold `report` under a
 * 512 MB heap. Target: cold report ≤ 5 s and ≤ 300 MB peak RSS, and it works with the 512 MB heap.
 */
export function printColdWarm(project: BenchProject, label: string): void {
  const out = path.join(project.root, 'report.json');
  const report = ['report', '--format', 'json', '--out', out];
  const rows: [string, ProcessTiming][] = [];
  makeCold(project);
  rows.push(['report, cold', timeProcess(project, report)]);
  rows.push(['report, warm', timeProcess(project, report)]);
  makeCold(project);
  rows.push(['check --last 5, cold', timeProcess(project, ['check', '--last', '5'])]);
  rows.push(['check --last 5, warm', timeProcess(project, ['check', '--last', '5'])]);
  makeCold(project);
  rows.push(['report, cold, --max-old-space-size=512', timeProcess(project, report, ['--max-old-space-size=512'])]);
  console.log(`\n### Cold and warm, one process per command (${label})\n`);
  console.log('| command | s | peak RSS MB | exit |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const [name, t] of rows) console.log(`| ${name} | ${describe(t).join(' | ')} |`);
  const [, cold] = rows[0] as [string, ProcessTiming];
  const [, limited] = rows[4] as [string, ProcessTiming];
  const met = cold.exitCode === 0 && cold.ms <= 5_000 && cold.peakRssMb <= 300 && limited.exitCode === 0;
  console.log(
    `\nTarget cold report ≤ 5 s and ≤ 300 MB, and exit 0 under a 512 MB heap: ` +
      `${(cold.ms / 1000).toFixed(2)} s, ${cold.peakRssMb.toFixed(0)} MB, exit ${limited.signal ?? limited.exitCode} — ${met ? 'met' : 'MISSED'}.`,
  );
}
