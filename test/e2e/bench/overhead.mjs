#!/usr/bin/env node
// Tracking overhead: wall time of one synthetic suite under plain Jest, the jest-perf preset with
// tracking off, and the preset with tracking on (JEST_PERF=1), measured side by side in one run.
//
//   pnpm bench:overhead [--runs 5] [--files 100] [--tests 50] [--workers 2] [--history 0] [--keep]
//
// --history N seeds the history with N earlier runs of the same tests: with N = 49 (the default
// historySize is 50) every tracked run pays what it pays in a project that has been tracked for a while.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const JEST_BIN = path.join(REPO_ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
const PRESET_DIR = path.join(REPO_ROOT, 'packages', 'preset');

const USAGE =
  'Usage: node test/e2e/bench/overhead.mjs [--runs N] [--files F] [--tests T] [--workers W] [--history H] [--keep]';

function integer(name, value, min = 1) {
  const number = Number(value);
  if (!Number.isInteger(number) || number < min) {
    console.error(`--${name} must be an integer ≥ ${min}, got ${JSON.stringify(value)}\n${USAGE}`);
    process.exit(2);
  }
  return number;
}

function readOptions() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        runs: { type: 'string', default: '5' },
        files: { type: 'string', default: '100' },
        tests: { type: 'string', default: '50' },
        workers: { type: 'string', default: '2' },
        history: { type: 'string', default: '0' },
        keep: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    console.error(`${error.message}\n${USAGE}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  return {
    runs: integer('runs', values.runs),
    files: integer('files', values.files),
    tests: integer('tests', values.tests),
    workers: integer('workers', values.workers),
    history: integer('history', values.history, 0),
    keep: values.keep,
  };
}

/** One test file: file-level hooks, describes of up to 10 tests, a tag on every 10th test and on one describe. */
function testFile(index, tests) {
  const lines = [
    index % 10 === 0 ? '/** @tags serial */' : '',
    "const assert = require('node:assert');",
    'let shared;',
    'let perTest;',
    'beforeAll(() => {',
    `  shared = Array.from({ length: 100 }, (_, i) => i * ${index + 1});`,
    '});',
    'beforeEach(() => {',
    '  perTest = shared.slice(0, 10);',
    '});',
    'afterEach(() => {',
    '  perTest = undefined;',
    '});',
  ];
  for (let start = 0; start < tests; start += 10) {
    const block = start / 10;
    lines.push(`describe('block ${block}${block === 1 ? ' @integration' : ''}', () => {`);
    for (let t = start; t < Math.min(tests, start + 10); t += 1) {
      const tag = t % 10 === 9 ? ' @slow' : '';
      lines.push(`  it('computes case ${t}${tag}', () => {`);
      lines.push(`    assert.strictEqual(perTest.length + ${t}, ${10 + t});`);
      lines.push('  });');
    }
    lines.push('});');
  }
  return `${lines.filter(Boolean).join('\n')}\n`;
}

/** Test ids of the generated suite as the run file writes them (tags stripped). */
function suiteTestIds(options) {
  const ids = [];
  for (let i = 0; i < options.files; i += 1) {
    const file = `tests/file-${String(i).padStart(4, '0')}.test.js`;
    for (let t = 0; t < options.tests; t += 1) ids.push(`${file} › block ${Math.floor(t / 10)} › computes case ${t}`);
  }
  return ids;
}

/**
 * Writes `.jest-perf/history.arrow` with `options.history` earlier runs in one go, in the columns core's
 * appendToHistory writes (appending them one run at a time would take a minute).
 */
function seedHistory(root, options) {
  const coreRequire = createRequire(path.join(REPO_ROOT, 'packages', 'core', 'package.json'));
  const { tableFromArrays, tableToIPC } = coreRequire('apache-arrow');
  const ids = suiteTestIds(options);
  const n = ids.length * options.history;
  const columns = {
    runId: new Array(n),
    startedAt: new Array(n),
    commit: new Array(n).fill(''),
    testId: new Array(n),
    file: new Array(n),
    durationMs: new Float64Array(n),
    status: new Array(n).fill('passed'),
  };
  for (let r = 0; r < options.history; r += 1) {
    const runId = `2026-01-01T00-00-00-000Z-${String(r).padStart(4, '0')}`;
    const startedAt = new Date(Date.UTC(2026, 0, 1) + r * 3_600_000).toISOString();
    ids.forEach((id, t) => {
      const row = r * ids.length + t;
      columns.runId[row] = runId;
      columns.startedAt[row] = startedAt;
      columns.testId[row] = id;
      columns.file[row] = id.slice(0, id.indexOf(' › '));
      columns.durationMs[row] = 1 + ((r * 7 + t * 13) % 10) / 10;
    });
  }
  fs.mkdirSync(path.join(root, '.jest-perf'), { recursive: true });
  fs.writeFileSync(path.join(root, '.jest-perf', 'history.arrow'), tableToIPC(tableFromArrays(columns), 'file'));
}

/** Writes the suite and one Jest config per variant into a fresh temp dir. */
function generateSuite(options) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-bench-'));
  const presetLink = path.join(root, 'node_modules', '@jest-perf', 'preset');
  fs.mkdirSync(path.dirname(presetLink), { recursive: true });
  fs.symlinkSync(PRESET_DIR, presetLink, 'dir');
  fs.mkdirSync(path.join(root, 'tests'));
  for (let i = 0; i < options.files; i += 1) {
    fs.writeFileSync(
      path.join(root, 'tests', `file-${String(i).padStart(4, '0')}.test.js`),
      testFile(i, options.tests),
    );
  }
  if (options.history > 0) seedHistory(root, options);
  return root;
}

// Configs are passed inline (`--config <json>`, rootDir = cwd): Jest 30.5's `--config <file>` fails to
// find a file that is not named jest.config.*. Neither config transforms JS. Plain Jest gets the same
// ts-jest transform the preset configures: Jest loads every configured transformer in every worker
// (ts-jest pulls in TypeScript, ~0.2 s each), a cost of using TypeScript, not of jest-perf — measured
// here, it alone made the preset look 16 % slower on this JS suite.
const TS_JEST = createRequire(path.join(PRESET_DIR, 'package.json')).resolve('ts-jest');
const PLAIN_CONFIG = JSON.stringify({ testEnvironment: 'node', transform: { '^.+\\.[cm]?tsx?$': TS_JEST } });
const PRESET_CONFIG = JSON.stringify({ preset: '@jest-perf/preset' });

const VARIANTS = [
  { name: 'no jest-perf', id: 'plain', config: PLAIN_CONFIG, env: {} },
  { name: 'jest-perf off', id: 'off', config: PRESET_CONFIG, env: {} },
  { name: 'jest-perf on', id: 'on', config: PRESET_CONFIG, env: { JEST_PERF: '1' } },
];

function childEnv(extra) {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key.startsWith('JEST_PERF') || key === 'JEST_WORKER_ID') delete env[key];
  }
  // pnpm's bin shims set NODE_PATH to its store; the suite must resolve only what it links.
  delete env.NODE_PATH;
  return { ...env, ...extra };
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

/** Runs Jest once; resolves with the wall time and the CPU time of the whole process tree, in ms. */
function runJest(root, variant, options) {
  const args = [
    JEST_BIN,
    '--config',
    variant.config,
    '--ci',
    `--maxWorkers=${options.workers}`,
    `--cacheDirectory=${path.join(root, '.cache', variant.id)}`,
    '--silent',
  ];
  return new Promise((resolve, reject) => {
    const cpuBefore = childrenCpuMs();
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: root, env: childEnv(variant.env), stdio: 'pipe' });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      const cpuAfter = childrenCpuMs();
      const cpuMs = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
      if (code === 0) resolve({ wallMs, cpuMs });
      else reject(new Error(`${variant.name}: Jest exited with ${code}\n${output.slice(-4000)}`));
    });
  });
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function checkTrackedRun(root, expectedTests) {
  const latest = JSON.parse(fs.readFileSync(path.join(root, '.jest-perf', 'latest.json'), 'utf8'));
  if (latest.summary.total !== expectedTests || latest.incomplete) {
    throw new Error(
      `tracked run recorded ${latest.summary.total}/${expectedTests} tests (incomplete: ${latest.incomplete})`,
    );
  }
}

function printTable(results) {
  const fmt = (ms) => `${Math.round(ms)}`;
  const hasCpu = [...results.values()].every((runs) => runs.every((run) => run.cpuMs !== null));
  console.log(`\n| variant | runs | wall median (ms) | wall min | wall max |${hasCpu ? ' CPU median (ms) |' : ''}`);
  console.log(`|---|---:|---:|---:|---:|${hasCpu ? '---:|' : ''}`);
  for (const [name, runs] of results) {
    const wall = runs.map((run) => run.wallMs);
    const cpu = hasCpu ? ` ${fmt(median(runs.map((run) => run.cpuMs)))} |` : '';
    console.log(
      `| ${name} | ${runs.length} | ${fmt(median(wall))} | ${fmt(Math.min(...wall))} | ${fmt(Math.max(...wall))} |${cpu}`,
    );
  }
  const ratio = (a, b, key) => {
    const med = (name) => median(results.get(name).map((run) => run[key]));
    return (med(a) / med(b)).toFixed(3);
  };
  console.log('');
  for (const [a, b] of [
    ['jest-perf on', 'jest-perf off'],
    ['jest-perf on', 'no jest-perf'],
    ['jest-perf off', 'no jest-perf'],
  ]) {
    const cpu = hasCpu ? `, CPU ${ratio(a, b, 'cpuMs')}` : '';
    console.log(`median ratio ${a} / ${b}: wall ${ratio(a, b, 'wallMs')}${cpu}`);
  }
}

async function main() {
  const options = readOptions();
  const totalTests = options.files * options.tests;
  const root = generateSuite(options);
  const cpus = os.cpus();
  console.log(
    `Suite: ${options.files} files × ${options.tests} tests = ${totalTests} tests (beforeAll/beforeEach/afterEach, tags); ` +
      `history seeded with ${options.history} runs`,
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
        process.stderr.write(
          `  run ${run + 1}/${options.runs} ${variant.name}: ${Math.round(result.wallMs)} ms${cpu}\n`,
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
