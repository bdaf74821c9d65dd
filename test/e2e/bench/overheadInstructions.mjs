#!/usr/bin/env node
// Tracking overhead as instructions executed: the synthetic suite under plain Jest, the jest-perf preset
// with tracking off and with tracking on, each run in band under valgrind's callgrind (every node process
// of the run, `--trace-children`: Jest and its haste-map workers), side by side in one run.
//
//   pnpm bench:overhead:instructions [--runs 1] [--files 20] [--tests 50] [--suite js|ts]
//
// In band (`--maxWorkers=1`) because jest-worker kills a test worker that has not exited 500 ms after the
// end of the run, and under valgrind a worker is still writing its counts then: they would be lost. In band,
// what a run pays once per worker (loading jest-perf's environment) is counted once.
//
// Why: on 2 shared cores the wall-time ratios of overhead.mjs spread by ±5-10 % a round, more than the
// cost they look for. An instruction count does not depend on what else the machine runs (repeated
// counts of one variant agree within ~1 %), so a 2 % difference is visible in a single run.
// What it cannot see: time spent waiting (syscalls, I/O, preemption) and how fast each instruction is.
// Valgrind runs the code ~50× slower, so what depends on time differs from a native run: jest-perf gives
// a hook its line when the hook took 10 ms or more, and under valgrind every hook does; the count
// includes that formatting (once per worker, mostly loading Jest's source-map support), native runs of
// this suite mostly skip it.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { childEnv, generateSuite, jestArgs, readBenchOptions, spawnJest, variantsFor } from './syntheticSuite.mjs';

const USAGE = 'Usage: node test/e2e/bench/overheadInstructions.mjs [--runs N] [--files F] [--tests T] [--suite js|ts]';
/** In band: see the top of this file. */
const WORKERS = 1;

function readOptions() {
  return readBenchOptions(USAGE, {
    numbers: { runs: { value: 1 }, files: { value: 20 }, tests: { value: 50 } },
    strings: { suite: 'js' },
  });
}

function haveValgrind() {
  return spawnSync('valgrind', ['--version'], { encoding: 'utf8' }).status === 0;
}

/** Runs one variant under callgrind; resolves with the instructions of each node process (Jest's and its haste-map workers'). */
function countInstructions(root, variant, outDir) {
  const prefix = path.join(outDir, `${variant.id}`);
  const args = [
    '--tool=callgrind',
    '--trace-children=yes',
    // Jest's crawler runs `find`; only node processes (Jest and its workers) are counted below.
    '--smc-check=all-non-file',
    `--callgrind-out-file=${prefix}.%p.out`,
    process.execPath,
    ...jestArgs(root, variant, WORKERS),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn('valgrind', args, { cwd: root, env: childEnv(variant.env), stdio: 'pipe' });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) {
        reject(new Error(`${variant.name}: valgrind/Jest exited with ${code}\n${output.slice(-3000)}`));
        return;
      }
      let total = 0;
      let processes = 0;
      for (const name of fs.readdirSync(outDir).filter((file) => file.startsWith(`${variant.id}.`))) {
        const text = fs.readFileSync(path.join(outDir, name), 'utf8');
        fs.rmSync(path.join(outDir, name));
        // `cmd:  <argv[0]> <args>`: Jest's process and its workers run node; `find` and the like are skipped.
        const program = /^cmd:\s+(\S+)/m.exec(text)?.[1] ?? '';
        const events = /^(?:summary|totals):\s+(\d+)/m.exec(text)?.[1];
        if (path.basename(program) !== path.basename(process.execPath) || events === undefined) continue;
        total += Number(events);
        processes += 1;
      }
      resolve({ instructions: total, processes });
    });
  });
}

const giga = (count) => `${(count / 1e9).toFixed(3)} G`;

async function main() {
  const options = readOptions();
  if (!haveValgrind()) {
    console.error(
      'valgrind is not installed (Debian: apt-get install valgrind): this benchmark counts instructions with it.',
    );
    process.exit(2);
  }
  const variants = variantsFor(options.suite);
  const root = generateSuite({ ...options, history: 0 });
  const outDir = path.join(root, '.callgrind');
  fs.mkdirSync(outDir);
  try {
    console.log(
      `Suite: ${options.files} files × ${options.tests} tests (${options.suite}), in band; ` +
        `${options.runs} run(s) per variant under callgrind, variants run at the same time (a count does not depend on it)`,
    );
    // Warm-up, natively: Jest's transform and haste caches, so no variant counts a cold start.
    for (const variant of variants) await spawnJest(root, variant, jestArgs(root, variant, WORKERS));
    const counts = new Map(variants.map((variant) => [variant.id, []]));
    for (let run = 0; run < options.runs; run += 1) {
      const results = await Promise.all(variants.map((variant) => countInstructions(root, variant, outDir)));
      results.forEach((result, index) => {
        const variant = variants[index];
        counts.get(variant.id).push(result.instructions);
        console.log(
          `  run ${run + 1}/${options.runs} ${variant.name}: ${giga(result.instructions)} in ${result.processes} node processes`,
        );
      });
    }
    const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const of = (id) => median(counts.get(id));
    console.log('');
    for (const variant of variants) console.log(`${variant.name.padEnd(14)} ${giga(of(variant.id))}`);
    console.log('');
    console.log(`instructions jest-perf off / no jest-perf: ${(of('off') / of('plain')).toFixed(3)}`);
    console.log(`instructions jest-perf on / no jest-perf:  ${(of('on') / of('plain')).toFixed(3)}`);
    console.log(`instructions jest-perf on / jest-perf off: ${(of('on') / of('off')).toFixed(3)}`);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
