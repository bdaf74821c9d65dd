#!/usr/bin/env node
// Tracking overhead: wall time of one synthetic suite under plain Jest, the jest-perf preset with
// tracking off, and the preset with tracking on (JEST_PERF=1), measured side by side in one run.
//
//   pnpm bench:overhead [--runs 5] [--files 100] [--tests 50] [--workers 2] [--history 0] [--suite js|ts] [--by-process] [--keep]
//
// --suite js (default): a JavaScript-only project, no transform added by jest-perf (`@jest-perf/preset`);
// --suite ts: both sides with ts-jest (`@jest-perf/preset/ts-jest` against plain Jest + ts-jest).
//
// --by-process also takes each run's CPU time by process (Jest's main process, its workers), from a
// preload in every node process of the run: the main process's share moves much less with the machine's
// load than the whole run's, so what the reporter costs there shows within tens of milliseconds.
//
// --history N seeds the history with N earlier runs of the same tests: with N = 49 (the default
// historySize is 50) every tracked run pays what it pays in a project that has been tracked for a while.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { printTable } from './overheadStats.mjs';
import { generateSuite, jestArgs, readBenchOptions, spawnJest, variantsFor } from './syntheticSuite.mjs';

const USAGE =
  'Usage: node test/e2e/bench/overhead.mjs [--runs N] [--files F] [--tests T] [--workers W] [--history H] [--suite js|ts] [--by-process] [--keep]';

function readOptions() {
  return readBenchOptions(USAGE, {
    numbers: {
      runs: { value: 5 },
      files: { value: 100 },
      tests: { value: 50 },
      workers: { value: 2 },
      history: { value: 0, min: 0 },
    },
    flags: ['keep', 'by-process'],
    strings: { suite: 'js' },
  });
}

/** Clock ticks per second of /proc's CPU times (USER_HZ): 100 on every Linux that Node supports. */
const USER_HZ = 100;

/**
 * CPU time (user + system, ms) of this process's reaped children, from /proc/self/stat; null off Linux.
 * It includes Jest's workers (Jest waits for them), and it hardly moves when other processes share the
 * machine, unlike wall time: a check on the wall-time ratio when the machine is busy.
 */
function childrenCpuMs() {
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    // Fields after the ")" that ends the command name: cutime and cstime are fields 16 and 17 of the line.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / USER_HZ;
  } catch {
    return null;
  }
}

const PROCESS_CPU_PRELOAD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'processCpuAtExit.cjs');

/**
 * Runs Jest once; resolves with the wall time and the CPU time of the whole process tree, in ms, and with
 * `--by-process` the CPU time of Jest's main process and of its workers (summed).
 */
async function runJest(root, variant, options) {
  const log = options['by-process'] ? path.join(root, `.process-cpu-${variant.id}.log`) : null;
  const env = log
    ? { ...variant.env, BENCH_PROCESS_CPU_LOG: log, NODE_OPTIONS: `--require ${JSON.stringify(PROCESS_CPU_PRELOAD)}` }
    : variant.env;
  if (log) fs.rmSync(log, { force: true });
  const cpuBefore = childrenCpuMs();
  const started = performance.now();
  await spawnJest(root, { ...variant, env }, jestArgs(root, variant, options.workers));
  const wallMs = performance.now() - started;
  const cpuAfter = childrenCpuMs();
  const result = { wallMs, cpuMs: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore };
  return log ? { ...result, ...processCpu(log) } : result;
}

/** The main process's and the workers' CPU ms from one run's log of {@link PROCESS_CPU_PRELOAD}. */
function processCpu(log) {
  const byRole = { main: 0, worker: 0 };
  for (const line of fs.readFileSync(log, 'utf8').split('\n')) {
    const [role, ms] = line.split(' ');
    if (role in byRole) byRole[role] += Number(ms);
  }
  return { mainMs: byRole.main, workersMs: byRole.worker };
}

function checkTrackedRun(root, expectedTests) {
  const latest = JSON.parse(fs.readFileSync(path.join(root, '.jest-perf', 'latest.json'), 'utf8'));
  if (latest.summary.total !== expectedTests || latest.incomplete) {
    throw new Error(
      `tracked run recorded ${latest.summary.total}/${expectedTests} tests (incomplete: ${latest.incomplete})`,
    );
  }
}

async function main() {
  const options = readOptions();
  const VARIANTS = variantsFor(options.suite);
  const totalTests = options.files * options.tests;
  const root = generateSuite(options);
  const cpus = os.cpus();
  console.log(
    `Suite: ${options.files} files × ${options.tests} tests = ${totalTests} tests (beforeAll/beforeEach/afterEach, tags); ` +
      `history seeded with ${options.history} runs; ${options.suite === 'ts' ? 'ts-jest on both sides' : 'JavaScript only, no transform added by jest-perf'}`,
  );
  console.log(
    `Machine: ${cpus[0]?.model.trim() ?? 'unknown'}, ${cpus.length} cores, Node ${process.version}, ` +
      `load average ${os.loadavg()[0].toFixed(2)}; --maxWorkers=${options.workers}, ` +
      `${options.runs} runs per variant, alternating`,
  );
  try {
    // Warm-up (not counted): haste map, Jest's cache and the OS file cache.
    for (const variant of VARIANTS) await runJest(root, variant, options);
    checkTrackedRun(root, totalTests);
    const results = new Map(VARIANTS.map((variant) => [variant.name, []]));
    for (let run = 0; run < options.runs; run += 1) {
      // Rotate the order so no variant always runs right after the same other one.
      for (let i = 0; i < VARIANTS.length; i += 1) {
        const variant = VARIANTS[(run + i) % VARIANTS.length];
        const result = await runJest(root, variant, options);
        results.get(variant.name).push(result);
        const cpu = result.cpuMs === null ? '' : `, CPU ${Math.round(result.cpuMs)} ms`;
        const byProcess =
          result.mainMs === undefined
            ? ''
            : `, main ${Math.round(result.mainMs)} ms, workers ${Math.round(result.workersMs)} ms`;
        process.stderr.write(
          `  run ${run + 1}/${options.runs} ${variant.name}: ${Math.round(result.wallMs)} ms${cpu}${byProcess}\n`,
        );
      }
    }
    checkTrackedRun(root, totalTests);
    printTable(results);
    console.log(`Load average after: ${os.loadavg()[0].toFixed(2)}`);
  } finally {
    if (options.keep) console.log(`\nSuite kept in ${root}`);
    else fs.rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
