/*
 * pnpm bench:cli — how long `jest-perf report --format json` and `jest-perf check` take, in-process, on
 * generated projects of 2,500 / 5,000 / 10,000 tests with a 200-run history. Target: report + check under
 * 1 s at 10,000 × 200, growing linearly with the number of tests (10k / 2.5k ≈ 4).
 * Then, at 10,000 × 200, cold (history index built from the 200 run files) and warm, one process per
 * command, with peak RSS. Target: cold report ≤ 5 s and ≤ 300 MB; works with --max-old-space-size=512.
 * `pnpm bench:cli --cold-warm` runs only that part.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { readLatestRun, syncHistory } from '@jest-perf/core';
import { compareRun, detectTrends, readBaseline } from '@jest-perf/regression';
import { buildReport, renderMarkdown } from '@jest-perf/report';
import type { CliIo } from '../dist/io';
import { runCli } from '../dist/main';
import { printColdWarm } from './coldWarm';
import { type BenchProject, generateProject } from './generateProject';

const SIZES = [2_500, 5_000, 10_000];
const RUNS = 200;
const REPEATS = 5;
const TARGET_MS = 1_000;

const silentIo = (cwd: string): CliIo => ({ cwd, env: {}, out: () => {}, err: () => {} });

function time(fn: () => unknown): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Wall-clock and CPU (user + system, this process) milliseconds of one call. */
async function timeAsync(fn: () => Promise<unknown>): Promise<Timing> {
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  await fn();
  const used = process.cpuUsage(cpu);
  return { wall: Number(process.hrtime.bigint() - start) / 1e6, cpu: (used.user + used.system) / 1000 };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

interface Timing {
  wall: number;
  cpu: number;
}

/** Median of REPEATS timed calls after one warm-up; fails loudly if the command does not exit as expected. */
async function timeCommand(project: BenchProject, argv: string[], expected: number[]): Promise<Timing> {
  const run = async () => {
    const code = await runCli([...argv, '--root', project.root], silentIo(project.root));
    if (!expected.includes(code)) throw new Error(`jest-perf ${argv.join(' ')} exited ${code}`);
  };
  await run();
  const times: Timing[] = [];
  for (let i = 0; i < REPEATS; i += 1) times.push(await timeAsync(run));
  return { wall: median(times.map((t) => t.wall)), cpu: median(times.map((t) => t.cpu)) };
}

interface Row {
  tests: number;
  report: Timing;
  check: Timing;
}

const row = (cells: (string | number)[]): string => `| ${cells.join(' | ')} |`;
const ms = (value: number): string => value.toFixed(0);

/** Where the time of report and check goes, step by step (median of 3), on the biggest project. */
function breakdown(project: BenchProject): void {
  const latest = readLatestRun(project.paths);
  const baseline = readBaseline(project.paths.baseline);
  const { history } = syncHistory(project.paths);
  const trends = detectTrends(history);
  const comparison = compareRun(baseline, latest);
  const report = buildReport({ run: latest, comparison, trends });
  const steps: [string, string, () => unknown][] = [
    ['readLatestRun (JSON + schema)', 'report, check', () => readLatestRun(project.paths)],
    ['readBaseline (JSON + schema)', 'report, check', () => readBaseline(project.paths.baseline)],
    ['syncHistory (Arrow → series)', 'report', () => syncHistory(project.paths)],
    ['detectTrends', 'report', () => detectTrends(history)],
    ['compareRun', 'report, check', () => compareRun(baseline, latest)],
    ['buildReport', 'report, check', () => buildReport({ run: latest, comparison, trends })],
    ['renderMarkdown', 'check (step summary)', () => renderMarkdown(report)],
    ['JSON.stringify(report)', 'report', () => JSON.stringify(report, null, 2)],
  ];
  console.log(`\n### Where the time goes (${SIZES.at(-1)?.toLocaleString('en')} tests × ${RUNS} runs, median of 3)\n`);
  console.log(row(['step', 'ms', 'used by']));
  console.log(row(['---', '---:', '---']));
  for (const [name, usedBy, fn] of steps) console.log(row([name, ms(median([time(fn), time(fn), time(fn)])), usedBy]));
}

async function main(): Promise<void> {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(
    `jest-perf CLI speed: ${cpu} × ${os.cpus().length}, ${os.platform()}/${os.arch()}, Node ${process.version}`,
  );
  if (process.argv.includes('--cold-warm')) {
    const project = generateProject(SIZES.at(-1) as number, RUNS);
    printColdWarm(project, `${SIZES.at(-1)?.toLocaleString('en')} tests × ${RUNS} runs`);
    project.remove();
    return;
  }
  console.log(`In-process runCli, median of ${REPEATS} after one warm-up; history of ${RUNS} runs.\n`);
  const rows: Row[] = [];
  let biggest: BenchProject | null = null;
  for (const tests of SIZES) {
    const project = generateProject(tests, RUNS);
    const out = path.join(project.root, 'report.json');
    const report = await timeCommand(project, ['report', '--format', 'json', '--out', out], [0]);
    const check = await timeCommand(project, ['check'], [0, 1]);
    rows.push({ tests, report, check });
    if (tests === SIZES.at(-1)) biggest = project;
    else project.remove();
  }
  const header = ['tests', 'runs', 'report ms', 'check ms', 'report + check ms', 'ms per 1,000 tests', 'CPU ms'];
  console.log(row(header));
  console.log(row(header.map(() => '---:')));
  for (const r of rows) {
    const total = r.report.wall + r.check.wall;
    const perThousand = (total / (r.tests / 1000)).toFixed(1);
    const cells = [ms(r.report.wall), ms(r.check.wall), ms(total), perThousand, ms(r.report.cpu + r.check.cpu)];
    console.log(row([r.tests.toLocaleString('en'), RUNS, ...cells]));
  }
  const small = rows[0] as Row;
  const big = rows[rows.length - 1] as Row;
  const ratio = (a: Timing, b: Timing) => (a.wall / b.wall).toFixed(2);
  const sum = (r: Row): Timing => ({ wall: r.report.wall + r.check.wall, cpu: r.report.cpu + r.check.cpu });
  console.log(
    `\nRatio ${big.tests.toLocaleString('en')} / ${small.tests.toLocaleString('en')} tests (linear ≈ ${big.tests / small.tests}): ` +
      `report ${ratio(big.report, small.report)}, check ${ratio(big.check, small.check)}, together ${ratio(sum(big), sum(small))}.`,
  );
  const total = sum(big).wall;
  console.log(
    `Target report + check < ${TARGET_MS} ms at ${big.tests.toLocaleString('en')} × ${RUNS}: ${ms(total)} ms, ${total < TARGET_MS ? 'met' : 'MISSED'}.`,
  );
  console.log(`Load average during the run (1 min): ${os.loadavg()[0]?.toFixed(2)} on ${os.cpus().length} cores.`);
  if (biggest) {
    breakdown(biggest);
    printColdWarm(biggest, `${(SIZES.at(-1) as number).toLocaleString('en')} tests × ${RUNS} runs`);
    biggest.remove();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
