#!/usr/bin/env node
// pnpm bench:gate:example — the regression gate on the example suite, tracked live (CPU time included):
//   1. a baseline from --base quiet tracked runs;
//   2. --clean clean runs on a quiet machine and --clean with two CPU-hog processes beside Jest (started and
//      stopped by the bench, and ending by themselves after HOG_LIMIT_MS whatever happens): each checked from
//      one run, then as `jest-perf check --confirm 2` would (flagged files rerun twice, fastest kept) → 0 failing;
//   3. one test made 2× slower (the example's CLINICAL_BENCH_SLOWDOWN switch) → caught and named.
// Run files go to a folder of the bench's own (JEST_PERF_OUTPUT): the example's history is not touched.
//
//   node test/e2e/bench/exampleGate.mjs [--base 5] [--clean 3]
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const example = path.join(root, 'examples', 'clinical-analytics');
const jest = path.join(root, 'node_modules', 'jest', 'bin', 'jest.js');
const require = createRequire(path.join(root, 'packages', 'cli', 'package.json'));
const { buildBaseline, compareRun, formatVerdict } = require('@jest-perf/regression');
const { readRunFile } = require('@jest-perf/core');
const { filesToConfirm, confirmRegressions } = require(
  path.join(root, 'packages', 'cli', 'dist', 'analysis', 'confirm.js'),
);

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] ? Number(args[at + 1]) : fallback;
};
const BASE_RUNS = option('base', 5);
const CLEAN_RUNS = option('clean', 3);
const CONFIRM = 2;
const HOG_LIMIT_MS = 10 * 60_000;
/** The test the slowdown switch makes do its work twice (a computing test of ~0.3 s). */
const SLOWED = 'describes every column of the table';
const SLOWED_ID = `tests/analysis/describe.test.ts › describe on the large patients table › ${SLOWED}`;
const CONFIG = { thresholds: { test: 0.2, suite: 0.15, minAbsoluteMs: 100 }, slowTestMs: 30_000 };

const out = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-example-gate-'));
let runCount = 0;

/** One tracked run of the example (all files, or `files`), its run file read back. */
function trackedRun(label, env = {}, files = []) {
  runCount += 1;
  const file = path.join(out, `${String(runCount).padStart(2, '0')}-${label}.json`);
  const started = Date.now();
  const result = spawnSync(process.execPath, [jest, '--silent', ...files], {
    cwd: example,
    env: { ...process.env, JEST_PERF: '1', JEST_PERF_OUTPUT: file, ...env },
    encoding: 'utf8',
  });
  if (!fs.existsSync(file)) {
    console.error(result.stderr.slice(-3000));
    throw new Error(`${label}: the tracked run wrote no run file (exit ${result.status})`);
  }
  const run = readRunFile(file);
  const load = run.load ? `others ${Math.round((run.load.othersCpuShare ?? 0) * 100)} %` : 'load unknown';
  console.log(
    `  ${label}: ${run.summary.passed}/${run.summary.total} passed, ${((Date.now() - started) / 1000).toFixed(1)} s, ${load}`,
  );
  return run;
}

/** Two busy-loop processes, each ending by itself after HOG_LIMIT_MS even if the bench dies. */
function startHogs() {
  const loop = `const end = Date.now() + ${HOG_LIMIT_MS}; while (Date.now() < end) {}`;
  return [0, 1].map(() => spawn(process.execPath, ['-e', loop], { stdio: 'ignore' }));
}

/** `check` from one run, then as `check --confirm 2` ends: flagged files rerun, the fastest kept. */
function check(baseline, run, env = {}) {
  const first = compareRun(baseline, run, { thresholds: CONFIG.thresholds });
  const flagged = (v) => v.kind === 'regressed' || v.kind === 'unconfirmed';
  const named = [...first.tests, ...first.suites].filter(flagged);
  if (named.length === 0) return { first, confirmed: first };
  const files = filesToConfirm(first, run);
  const reruns = Array.from({ length: CONFIRM }, (_, i) => trackedRun(`rerun-${i + 1}`, env, files));
  const again = compareRun(baseline, [run, ...reruns], { thresholds: CONFIG.thresholds, confirmed: true });
  return { first, confirmed: confirmRegressions(first, again, [run, ...reruns]) };
}

function counts(result) {
  const of = (kind) => [...result.tests, ...result.suites].filter((v) => v.kind === kind).length;
  return `${of('regressed')} regressed / ${of('unconfirmed')} unconfirmed / ${of('minor')} minor`;
}

console.log(
  `Example suite: ${BASE_RUNS} baseline runs, ${CLEAN_RUNS} quiet + ${CLEAN_RUNS} busy clean checks, one 2× slowdown`,
);
console.log(`Run files: ${out}\n\nBaseline runs (quiet):`);
const baseRuns = Array.from({ length: BASE_RUNS }, (_, i) => trackedRun(`base-${i + 1}`));
const baseline = buildBaseline(baseRuns, CONFIG);

const rows = [];
for (const busy of [false, true]) {
  console.log(`\nClean runs, ${busy ? 'two CPU hogs running' : 'quiet'}:`);
  for (let i = 0; i < CLEAN_RUNS; i += 1) {
    const hogs = busy ? startHogs() : [];
    try {
      const run = trackedRun(`${busy ? 'busy' : 'quiet'}-${i + 1}`);
      const { first, confirmed } = check(baseline, run);
      rows.push({ busy, first, confirmed });
      for (const v of [...confirmed.tests, ...confirmed.suites].filter((v) => v.kind === 'regressed')) {
        console.log(`    FAILED  ${formatVerdict(v)}`);
      }
    } finally {
      for (const hog of hogs) hog.kill();
    }
  }
}

console.log(`\nSlowdown: "${SLOWED}" does its work twice (CLINICAL_BENCH_SLOWDOWN):`);
const slowEnv = { CLINICAL_BENCH_SLOWDOWN: SLOWED };
const slowRun = trackedRun('slowdown', slowEnv);
const slow = check(baseline, slowRun, slowEnv);
const verdictOf = (result) => result.tests.find((v) => v.id === SLOWED_ID);

console.log('\n| check | machine | one run: failed? | one run: flagged | after --confirm 2: failed? |');
console.log('|---|---|---|---|---|');
rows.forEach((row, i) => {
  const machine = row.busy
    ? `busy (others ${Math.round((row.first.context.busy.othersCpuShare ?? 0) * 100)} %)`
    : 'quiet';
  console.log(
    `| clean ${i + 1} | ${machine} | ${row.first.regressed ? 'FAIL' : 'pass'} | ${counts(row.first)} | ${row.confirmed.regressed ? 'FAIL' : 'pass'} |`,
  );
});
const failedOne = rows.filter((r) => r.first.regressed).length;
const failedConfirmed = rows.filter((r) => r.confirmed.regressed).length;
console.log(
  `\nClean checks failing: ${failedOne} of ${rows.length} from one run, ${failedConfirmed} of ${rows.length} after --confirm ${CONFIRM}`,
);
const one = verdictOf(slow.first);
const after = verdictOf(slow.confirmed);
console.log(`Slowdown, one run: ${one ? formatVerdict(one) : 'not judged'} → ${one?.kind}`);
console.log(
  `Slowdown, after --confirm ${CONFIRM}: ${after?.kind}; check ${slow.confirmed.regressed ? 'FAILED (caught)' : 'passed (missed)'}`,
);
fs.rmSync(out, { recursive: true, force: true });
process.exitCode = failedConfirmed === 0 && after?.kind === 'regressed' ? 0 : 1;
