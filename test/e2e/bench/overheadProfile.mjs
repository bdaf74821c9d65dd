#!/usr/bin/env node
// jest-perf's own CPU time in a tracked run, from CPU profiles of every process of the run (Jest's main
// process and its workers): a measure a shared, noisy machine hardly moves, since both the part and the
// whole come from the same run. overhead.mjs times whole runs side by side; on 2 shared cores its
// rounds spread by ±3 %, more than the cost it looks for.
//
//   pnpm bench:overhead:profile [--files 100] [--tests 50] [--workers 2] [--interval 200] [--variant on|off|plain] [--top 15] [--keep]
//
// A sample counts for jest-perf when the frame nearest to the top of its stack that belongs to anyone is
// jest-perf's: node's own modules and native code count for whoever called them, Jest's packages for
// Jest, the test files for the tests. So a wrapped hook's body counts for the test, the environment
// base class's constructor (`super()`) for Jest, and an `fs.appendFileSync` jest-perf calls for jest-perf.
// A hook wrapper's own samples at the line that calls the hook count for the test too: V8 charges the
// first call of a function (compiling it) to the calling line, which in plain Jest is jest-circus's.
// Samples inside the native functions jest-perf calls (the CPU clock's getrusage, the worker file's write) are
// shown apart: a worker preempted by another process is charged that wait at the system call it returns from,
// and /proc/self/schedstat showed the readings add no waiting (docs/benchmarks.md), so that part is not CPU.
// What it cannot see: costs jest-perf causes elsewhere (garbage collection of what it allocates, Jest
// awaiting an event handler); overhead.mjs's wall and CPU ratios include those.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSuite, jestArgs, readBenchOptions, spawnJest, VARIANTS } from './syntheticSuite.mjs';

const USAGE =
  'Usage: node test/e2e/bench/overheadProfile.mjs [--files F] [--tests T] [--workers W] [--interval µs] [--variant on|off|plain] [--top N] [--keep]';

function readOptions() {
  const { variant: id, ...options } = readBenchOptions(USAGE, {
    numbers: {
      files: { value: 100 },
      tests: { value: 50 },
      workers: { value: 2 },
      interval: { value: 200 },
      top: { value: 15 },
    },
    flags: ['keep'],
    strings: { variant: 'on' },
  });
  const variant = VARIANTS.find((candidate) => candidate.id === id);
  if (!variant) {
    console.error(`--variant must be one of ${VARIANTS.map((v) => v.id).join(', ')}, got ${JSON.stringify(id)}`);
    process.exit(2);
  }
  return { ...options, variant, history: 0 };
}

/** jest-perf's compiled code, in this repository or installed. */
const JEST_PERF_SCRIPT = /\/packages\/(core|environment|reporter|preset|parallel)\/dist\/|\/node_modules\/@jest-perf\//;
const TEST_SCRIPT = /\/tests\/file-\d+\.test\.js$/;

/** Who a frame's script belongs to; null for node's modules and native code (they count for their caller). */
function ownerOf(url) {
  if (JEST_PERF_SCRIPT.test(url)) return 'jest-perf';
  if (TEST_SCRIPT.test(url)) return 'tests';
  if (url.includes('/node_modules/')) return 'jest';
  return null;
}

/**
 * Splits one .cpuprofile's busy time between jest-perf, Jest and the tests (µs), and sums jest-perf's
 * per function. Idle and GC samples are kept apart: the first is no one's CPU, the second everyone's.
 * `native.micros` adds up jest-perf's samples inside native functions it called (node's C++ bindings).
 */
function attribute(profile, totals, functions, native) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const owners = new Map();
  const ownerOfNode = (id) => {
    const walked = [];
    let owner;
    for (let current = id; current !== undefined; current = parents.get(current)) {
      if (owners.has(current)) {
        owner = owners.get(current);
        break;
      }
      walked.push(current);
      const node = nodes.get(current);
      const own = ownerOf(node.callFrame.url);
      if (own) {
        owner = { who: own, frame: node.callFrame };
        break;
      }
    }
    owner ??= { who: 'jest', frame: null };
    for (const visited of walked) owners.set(visited, owner);
    return owner;
  };
  const selfMicros = new Map();
  profile.samples.forEach((id, index) => {
    selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0));
  });
  const add = (who, micros, frame) => {
    totals[who] = (totals[who] ?? 0) + micros;
    if (who !== 'jest-perf') return;
    const key = `${frame.url.replace(/.*\/(packages|@jest-perf)\//, '')} ${frame.functionName || '(anonymous)'}`;
    functions.set(key, (functions.get(key) ?? 0) + micros);
  };
  for (const [id, micros] of selfMicros) {
    const node = nodes.get(id);
    const name = node.callFrame.functionName;
    if (name === '(idle)' || name === '(garbage collector)') {
      add(name === '(idle)' ? 'idle' : 'gc', micros, null);
      continue;
    }
    const { who, frame } = ownerOfNode(id);
    // A hook wrapper's own samples at the line that calls the wrapped function are that function's: V8
    // charges its first call (compiling it) to the calling line, which in plain Jest is jest-circus's.
    const toCallee = who === 'jest-perf' && frame === node.callFrame ? calleeShare(node) : 0;
    add('tests', micros * toCallee, frame);
    add(who, micros * (1 - toCallee), frame);
    // Sampled inside a native function jest-perf called (node's C++: a system call such as getrusage or a
    // file write): a process preempted there has its wait for a core charged to it (docs/benchmarks.md).
    if (who === 'jest-perf' && node.callFrame.url === '' && !name.startsWith('(')) {
      native.micros += micros * (1 - toCallee);
    }
  }
}

/** The hook wrappers of the environment's timedHook, and how each calls the function it wraps. */
const WRAPPERS = new Set(['timedHookFn', 'timedCallbackHook', 'timedGeneratorHook']);
const WRAPPED_CALL = /\b(?:plain|callback|generator)\.call\(this\b/;
const callLinesByUrl = new Map();

/** The 1-based lines of `url` (a jest-perf script) where a hook wrapper calls the function it wraps. */
function wrappedCallLines(url) {
  let lines = callLinesByUrl.get(url);
  if (!lines) {
    lines = new Set();
    try {
      const source = fs.readFileSync(url.startsWith('file:') ? fileURLToPath(url) : url, 'utf8').split('\n');
      source.forEach((line, index) => {
        if (WRAPPED_CALL.test(line)) lines.add(index + 1);
      });
    } catch {
      // An unreadable script: no line is moved.
    }
    callLinesByUrl.set(url, lines);
  }
  return lines;
}

/** The share of a hook wrapper node's own samples taken at the line calling the wrapped function (0 for others). */
function calleeShare(node) {
  if (!WRAPPERS.has(node.callFrame.functionName) || !node.positionTicks?.length) return 0;
  const lines = wrappedCallLines(node.callFrame.url);
  let atCall = 0;
  let all = 0;
  for (const { line, ticks } of node.positionTicks) {
    all += ticks;
    if (lines.has(line)) atCall += ticks;
  }
  return all > 0 ? atCall / all : 0;
}

function runProfiled(root, variant, options, profileDir) {
  // Jest's workers are forked with Jest's own node flags (jest-worker passes process.execArgv on), so
  // every process of the run writes its profile when it exits. NODE_OPTIONS may not carry --cpu-prof.
  const profiling = ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-interval=${options.interval}`];
  return spawnJest(root, variant, [...profiling, ...jestArgs(root, variant, options.workers)]);
}

const ms = (micros) => (micros / 1000).toFixed(1);

async function main() {
  const options = readOptions();
  const root = generateSuite(options);
  const tracked = options.variant;
  try {
    // Warm-up (not profiled): haste map, Jest's transform cache, the OS file cache.
    await runProfiled(root, tracked, options, path.join(root, '.warmup'));
    const profileDir = path.join(root, '.profiles');
    await runProfiled(root, tracked, options, profileDir);
    const totals = {};
    const functions = new Map();
    /** jest-perf's samples inside native functions it called (see attribute). */
    const native = { micros: 0 };
    const profiles = fs.readdirSync(profileDir).filter((name) => name.endsWith('.cpuprofile'));
    for (const name of profiles) {
      attribute(JSON.parse(fs.readFileSync(path.join(profileDir, name), 'utf8')), totals, functions, native);
    }
    // --maxWorkers=1 runs the tests in band, in Jest's main process: one profile.
    const expected = options.workers > 1 ? options.workers + 1 : 1;
    if (profiles.length < expected) {
      // jest-worker stops a worker that has not exited 500 ms after the end of the run: a worker still
      // writing a big profile then leaves none. Both the part and the whole lose that worker's share.
      console.warn(
        `Note: ${profiles.length} profiles for ${options.workers} workers + Jest's main process (a worker stopped before writing its profile); a larger --interval makes smaller profiles.`,
      );
    }
    const busy = Object.entries(totals)
      .filter(([who]) => who !== 'idle')
      .reduce((sum, [, micros]) => sum + micros, 0);
    const share = (micros) => `${((100 * micros) / busy).toFixed(2)} %`;
    console.log(
      `Suite: ${options.files} files × ${options.tests} tests, --maxWorkers=${options.workers}, ${tracked.name}; ` +
        `${profiles.length} processes profiled every ${options.interval} µs (${os.cpus()[0]?.model.trim() ?? 'unknown'})`,
    );
    console.log(`\nbusy CPU ${ms(busy)} ms:`);
    for (const who of ['tests', 'jest', 'gc', 'jest-perf']) {
      console.log(`  ${who.padEnd(9)} ${ms(totals[who] ?? 0).padStart(9)} ms  ${share(totals[who] ?? 0)}`);
    }
    const own = totals['jest-perf'] ?? 0;
    const ratio = (micros) => (1 + micros / (busy - own)).toFixed(3);
    console.log(`\njest-perf's own CPU: ${share(own)} of the run (ratio ${ratio(own)})`);
    console.log(`  in its JavaScript:          ${share(own - native.micros)} (ratio ${ratio(own - native.micros)})`);
    console.log(
      `  in the native calls it makes: ${ms(native.micros)} ms (system calls: CPU readings, file writes). A process ` +
        'preempted inside one has its wait for a core charged there: mostly waiting, not CPU (docs/benchmarks.md)',
    );
    console.log('\nBy function (self and what it calls in node):');
    for (const [key, micros] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, options.top)) {
      console.log(`  ${ms(micros).padStart(7)} ms  ${key}`);
    }
  } finally {
    if (options.keep) console.log(`\nSuite and profiles kept in ${root}`);
    else fs.rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
