#!/usr/bin/env node
// pnpm bench:gate — the regression gate on real suites' tracked runs (../shared/real-runs, or --data DIR):
// for each project, leave-one-out checks of unchanged code (each quiet run against a baseline of 5 other
// quiet runs; each busy run against quiet 1–5) must not fail, and slowdowns injected into copies of the
// same held-back runs must be caught. The rules before the impact gate run beside it, on the same data.
//
//   node test/e2e/bench/gate.mjs [--data ../shared/real-runs] [--seed 7]
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as zlib from 'node:zlib';
import { LEGACY_COMMIT, loadLegacyGate } from './legacyGate.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const require = createRequire(path.join(root, 'packages', 'regression', 'package.json'));
const { buildBaseline, compareRun, formatVerdict, hookKey } = require('@jest-perf/regression');
const { uniqueTestIds } = require('@jest-perf/core');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] ? args[at + 1] : fallback;
};
const dataDir = path.resolve(option('data', path.join(root, '..', 'shared', 'real-runs')));
let seed = Number(option('seed', '7'));
const random = () => {
  // mulberry32: the same picks on every run.
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (list) => list[Math.floor(random() * list.length)];

const CONFIG = { thresholds: { test: 0.2, suite: 0.15, minAbsoluteMs: 100 }, slowTestMs: 30_000 };
const LEGACY_CONFIG = { thresholds: { test: 0.2, suite: 0.15, minAbsoluteMs: 25 }, slowTestMs: 30_000 };

/**
 * A stored run, with the unique ids today's reporter writes: runs tracked before it gave two tests with the
 * same title one id (core's uniqueTestIds numbers the repeats, in the order of Jest's results per file).
 */
function readRun(file) {
  const raw = fs.readFileSync(file);
  const run = JSON.parse(file.endsWith('.gz') ? zlib.gunzipSync(raw).toString() : raw.toString());
  const byFile = new Map();
  for (const test of run.tests) byFile.set(test.file, [...(byFile.get(test.file) ?? []), test]);
  for (const tests of byFile.values()) {
    const ids = uniqueTestIds(tests.map((test) => test.id));
    tests.forEach((test, i) => {
      test.id = ids[i];
    });
  }
  return run;
}

function runsOf(project, prefix, count) {
  return Array.from({ length: count }, (_, i) => {
    const base = path.join(dataDir, project, `${prefix}-${String(i + 1).padStart(2, '0')}.json`);
    return readRun(fs.existsSync(base) ? base : `${base}.gz`);
  });
}

/** A copy of `run` with `ms` added to one test (and its file's runtime). */
function slowTest(run, id, ms) {
  const copy = structuredClone(run);
  const test = copy.tests.find((t) => t.id === id);
  if (!test) return copy;
  test.durationMs += ms;
  const file = copy.files.find((f) => f.path === test.file);
  if (file) file.runtimeMs += ms;
  return copy;
}

/** A copy of `run` with `ms` more in one file's beforeAll (a new file-level one when it has none). */
function slowBeforeAll(run, filePath, ms) {
  const copy = structuredClone(run);
  const file = copy.files.find((f) => f.path === filePath);
  if (!file) return { run: copy, subject: `${filePath} › beforeAll` };
  let hook = file.hooks.find((h) => h.type === 'beforeAll');
  if (!hook) {
    hook = { type: 'beforeAll', describePath: [], calls: 1, totalMs: 0, maxMs: 0 };
    file.hooks.push(hook);
  }
  hook.totalMs += ms;
  hook.maxMs += ms;
  file.hookMs += ms;
  file.runtimeMs += ms;
  return { run: copy, subject: `${filePath} › ${hookKey(hook)}` };
}

function verdictOf(result, subject) {
  return result.tests.find((v) => v.id === subject) ?? result.suites.find((v) => v.suite === subject);
}

/** What the new rules and the old ones say about the injected subject. */
function outcome(newResult, oldResult, subject, oldSubject) {
  const now = verdictOf(newResult, subject)?.kind ?? 'absent';
  const before = verdictOf(oldResult, oldSubject ?? subject)?.kind ?? 'absent';
  return { now, before, failed: newResult.regressed, beforeFailed: oldResult.regressed };
}

function flagged(result) {
  const all = [...result.tests, ...result.suites];
  const by = (kind) => all.filter((v) => v.kind === kind).length;
  return { regressed: by('regressed'), unconfirmed: by('unconfirmed'), minor: by('minor') };
}

function oldFlagged(result) {
  return {
    regressed: [...result.tests, ...result.suites].filter((v) => v.kind === 'regressed').length,
    noisy: result.tests.filter((v) => v.kind === 'noisy').length,
  };
}

if (!fs.existsSync(dataDir)) {
  console.error(
    `bench:gate: no real-run data at ${dataDir}. Fix: pass --data <folder of project folders of run files>`,
  );
  process.exit(2);
}
const legacy = loadLegacyGate(root);
if (legacy.error) console.log(`(before column skipped: ${legacy.error})`);
const projects = fs.readdirSync(dataDir).filter((name) => fs.statSync(path.join(dataDir, name)).isDirectory());
const clean = [];
const injected = [];
for (const project of projects) {
  const quiet = runsOf(project, 'quiet', 8);
  const loaded = runsOf(project, 'loaded', 4);
  // Each check also has two other held-back runs of the same kind: the reruns `check --confirm 2` would make.
  const checks = [
    ...quiet.map((run, i) => {
      const others = quiet.filter((_, j) => j !== i);
      return { name: `quiet-0${i + 1}`, base: others.slice(0, 5), run, reruns: others.slice(5, 7) };
    }),
    ...loaded.map((run, i) => ({
      name: `loaded-0${i + 1}`,
      base: quiet.slice(0, 5),
      run,
      reruns: [loaded[(i + 1) % 4], loaded[(i + 2) % 4]],
    })),
  ];
  for (const check of checks) {
    const baseline = buildBaseline(check.base, CONFIG);
    const oldBaseline = legacy.error ? null : legacy.buildBaseline(check.base, LEGACY_CONFIG);
    const judge = (run) => compareRun(baseline, run, { thresholds: CONFIG.thresholds });
    const judgeOld = (run) =>
      oldBaseline
        ? legacy.compareRun(oldBaseline, run, { thresholds: LEGACY_CONFIG.thresholds })
        : { tests: [], suites: [], regressed: false };
    /** What `check --confirm 2` ends with: flagged things judged on the fastest of the run and its reruns. */
    const confirm = (result, runs) => {
      const named = (v) => v.kind === 'regressed' || v.kind === 'unconfirmed';
      const flaggedIds = new Set([...result.tests, ...result.suites].filter(named).map((v) => v.id ?? v.suite));
      if (flaggedIds.size === 0) return { failed: false, kindOf: (subject) => verdictOf(result, subject)?.kind };
      const again = compareRun(baseline, runs, { thresholds: CONFIG.thresholds, confirmed: true });
      const failed = [...again.tests, ...again.suites].some(
        (v) => v.kind === 'regressed' && flaggedIds.has(v.id ?? v.suite),
      );
      const kindOf = (subject) =>
        (flaggedIds.has(subject) ? verdictOf(again, subject) : verdictOf(result, subject))?.kind;
      return { failed, kindOf };
    };
    const result = judge(check.run);
    const old = judgeOld(check.run);
    const confirmed = confirm(result, [check.run, ...check.reruns]);
    clean.push({
      project,
      check: check.name,
      failed: result.regressed,
      failedConfirmed: confirmed.failed,
      lines: [...result.tests, ...result.suites].filter((v) => v.kind === 'regressed').map(formatVerdict),
      ...flagged(result),
      busy: result.context.busy,
      before: { failed: old.regressed, ...oldFlagged(old) },
    });

    const passed = check.run.tests.filter((t) => t.status === 'passed' && baseline.tests[t.id]);
    const small = passed.filter((t) => baseline.tests[t.id].stats.median < 20);
    const large = passed.filter((t) => baseline.tests[t.id].stats.median > 500);
    const cases = [];
    if (small.length > 0) {
      const test = pick(small);
      cases.push({ kind: '+300 ms, test < 20 ms', inject: (run) => slowTest(run, test.id, 300), subject: test.id });
    }
    if (large.length > 0) {
      const test = pick(large);
      cases.push({
        kind: '×1.5, test > 500 ms',
        inject: (run) => slowTest(run, test.id, (run.tests.find((t) => t.id === test.id)?.durationMs ?? 0) * 0.5),
        subject: test.id,
      });
    }
    const files = check.run.files.filter((f) => !f.execError && baseline.files?.[f.path]);
    if (files.length > 0) {
      const file = pick(files).path;
      const { subject } = slowBeforeAll(check.run, file, 300);
      // The old rules never judged hooks: their verdict on the file's folder is the closest they had.
      const inject = (run) => slowBeforeAll(run, file, 300).run;
      cases.push({ kind: '+300 ms, beforeAll', inject, subject, oldSubject: path.posix.dirname(file) });
    }
    for (const c of cases) {
      const run = c.inject(check.run);
      const first = judge(run);
      const after = confirm(first, [run, ...check.reruns.map(c.inject)]);
      injected.push({
        project,
        check: check.name,
        kind: c.kind,
        subject: c.subject,
        confirmedKind: after.kindOf(c.subject) ?? 'absent',
        ...outcome(first, judgeOld(run), c.subject, c.oldSubject),
      });
    }
  }
}

const row = (cells) => console.log(`| ${cells.join(' | ')} |`);
console.log(`\n## Clean checks of unchanged code (${clean.length}): baseline of 5 quiet runs\n`);
row([
  'project',
  'check',
  'machine',
  'now: fails?',
  'now: regressed / unconfirmed / minor',
  'now, --confirm 2: fails?',
  `before (${LEGACY_COMMIT}): fails?`,
  'before: regressed / noisy',
]);
row(['---', '---', '---', '---', '---:', '---', '---', '---:']);
for (const c of clean) {
  const machine = c.busy.busy ? `busy (${c.busy.how})` : 'quiet';
  row([
    c.project,
    c.check,
    machine,
    c.failed ? '**FAIL**' : 'pass',
    `${c.regressed} / ${c.unconfirmed} / ${c.minor}`,
    c.failedConfirmed ? '**FAIL**' : 'pass',
    c.before.failed ? 'FAIL' : 'pass',
    `${c.before.regressed} / ${c.before.noisy}`,
  ]);
}
for (const c of clean.filter((c) => c.failed)) {
  console.log(`\n${c.project} ${c.check} failed on:`);
  for (const line of c.lines) console.log(`  ${line}`);
}
const failedNow = clean.filter((c) => c.failed).length;
const failedConfirmed = clean.filter((c) => c.failedConfirmed).length;
const failedBefore = clean.filter((c) => c.before.failed).length;
console.log(
  `\nFailing clean checks: now ${failedNow} of ${clean.length} (after --confirm 2: ${failedConfirmed}); before ${failedBefore} of ${clean.length}.`,
);

console.log(`\n## Injected slowdowns (${injected.length}), in copies of the held-back runs\n`);
row([
  'slowdown',
  'cases',
  'now: named (regressed or unconfirmed)',
  'now: fails from one run',
  'now, --confirm 2: fails',
  'before: regressed',
]);
row(['---', '---:', '---:', '---:', '---:', '---:']);
const kinds = [...new Set(injected.map((i) => i.kind))];
const share = (n, d) => `${n}/${d} (${d ? ((100 * n) / d).toFixed(0) : 0} %)`;
for (const kind of [...kinds, 'all']) {
  const cases = injected.filter((i) => kind === 'all' || i.kind === kind);
  const failed = cases.filter((i) => i.now === 'regressed').length;
  const named = cases.filter((i) => i.now === 'regressed' || i.now === 'unconfirmed').length;
  const confirmed = cases.filter((i) => i.confirmedKind === 'regressed').length;
  const before = cases.filter((i) => i.before === 'regressed').length;
  row([
    kind,
    cases.length,
    share(named, cases.length),
    share(failed, cases.length),
    share(confirmed, cases.length),
    share(before, cases.length),
  ]);
}
for (const machine of ['quiet', 'loaded']) {
  const cases = injected.filter((i) => i.check.startsWith(machine));
  const confirmed = cases.filter((i) => i.confirmedKind === 'regressed').length;
  console.log(
    `\nOn ${machine} runs, injected slowdowns that fail after --confirm 2: ${share(confirmed, cases.length)}.`,
  );
}
const missed = injected.filter((i) => i.now !== 'regressed' && i.now !== 'unconfirmed');
console.log(`\nNot named (${missed.length}):`);
for (const m of missed) console.log(`- ${m.project} ${m.check} ${m.kind}: ${m.subject} → ${m.now}`);
const unconfirmedQuiet = injected.filter((i) => i.check.startsWith('quiet') && i.confirmedKind !== 'regressed');
console.log(`\nOn quiet runs, not failing after --confirm 2 (${unconfirmedQuiet.length}):`);
for (const m of unconfirmedQuiet)
  console.log(`- ${m.project} ${m.check} ${m.kind}: ${m.subject} → ${m.now}, then ${m.confirmedKind}`);
