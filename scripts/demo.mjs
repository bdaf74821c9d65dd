#!/usr/bin/env node
// The README's main job: the example suite measured before and after jest-perf, both tracked, in one run.
//   1. before: every rollback switch on (live LLM stand-in, no cache, eager datasets, per-test fixtures),
//      in band, in the order the files are written — a side run file (.jest-perf/demo/before.json);
//   2. after, in band: the jest-perf helpers on, one process — to measure what the parallel lanes add;
//   3. after: `jest-perf test` (parallel lane on 2 workers + serial lane in band), tracked into the history;
// then the HTML and markdown reports, the results table (one row per optimisation) in the example's
// PERFORMANCE.md, and this machine's baseline created (first run) or checked (later runs). Plain Node: every step is a child process so its
// output streams live. `--skip-before` reuses the last before runs (the table still says when they ran).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const example = join(root, 'examples', 'clinical-analytics');
const cli = join(root, 'packages', 'cli', 'dist', 'bin.js');
const jest = join(root, 'node_modules', 'jest', 'bin', 'jest.js');
const dataDir = join(example, '.jest-perf');
const demoDir = join(dataDir, 'demo');
const skipBefore = process.argv.includes('--skip-before');

if (!existsSync(cli)) {
  console.error('jest-perf is not built: run `pnpm install` (it builds every package) first.');
  process.exit(2);
}
const require = createRequire(import.meta.url);
const { readRunFile, testbedOf, testbedSlug } = require('@jest-perf/core');
const { compareRuns, renderComparison, updateMarkedSection } = require('@jest-perf/report');

function step(title, args, env = {}) {
  console.log(`\n▶ ${title}\n  $ ${['node', ...args.map((a) => relative(root, a) || a)].join(' ')}`);
  const started = Date.now();
  const result = spawnSync(process.execPath, args, { cwd: example, stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`  (${((Date.now() - started) / 1000).toFixed(1)} s, exit ${result.status})`);
  return result.status ?? 1;
}

/** Every rollback switch of the example: the suite as it was before jest-perf. */
const BEFORE_SWITCHES = {
  JEST_PERF_LLM_MOCK: 'off',
  JEST_PERF_CACHE: 'off',
  JEST_PERF_EAGER_DATASETS: '1',
  JEST_PERF_PER_TEST_FIXTURES: '1',
};
const beforeFile = join(demoDir, 'before.json');
const inBandFile = join(demoDir, 'after-in-band.json');
mkdirSync(demoDir, { recursive: true });

let suiteFailed = false;
if (!skipBefore || !existsSync(beforeFile) || !existsSync(inBandFile)) {
  const before = step(
    'Before: every rollback switch on, in band (live LLM stand-in, no cache, eager datasets, per-test fixtures)',
    [jest, '--runInBand'],
    {
      ...BEFORE_SWITCHES,
      JEST_PERF: '1',
      JEST_PERF_OUTPUT: beforeFile,
    },
  );
  const inBand = step('After, in band (jest-perf helpers on, one process)', [jest, '--runInBand'], {
    JEST_PERF: '1',
    JEST_PERF_OUTPUT: inBandFile,
  });
  suiteFailed ||= before !== 0 || inBand !== 0;
}
const after = step(
  'After: jest-perf test (parallel lane on all workers, then the serial lane), tracked',
  [cli, 'test'],
  {
    JEST_PERF: '1',
  },
);
suiteFailed ||= after !== 0;
if (!existsSync(join(dataDir, 'latest.json')) || !existsSync(beforeFile)) {
  console.error('A tracked run wrote no run file: see the output above.');
  process.exit(2);
}

// A baseline belongs to a testbed (CPU, cores, memory, OS, Node and Jest): wall times from another machine say
// nothing about this one. The first run on a machine makes its baseline; later runs are checked against it.
const afterRun = readRunFile(join(dataDir, 'latest.json'));
const testbed = testbedOf(afterRun);
const baseline = join(dataDir, 'baselines', `${testbedSlug(testbed)}.json`);
const hadBaseline = existsSync(baseline);

// The reports judge the run against the baseline the check uses, so they show the check's verdicts.
const htmlReport = join(dataDir, 'report.html');
const mdReport = join(dataDir, 'report.md');
const againstBaseline = hadBaseline ? ['--baseline', baseline] : [];
step('HTML report', [cli, 'report', '--format', 'html', '--out', htmlReport, ...againstBaseline]);
step('Markdown report', [cli, 'report', '--out', mdReport, ...againstBaseline]);

// One row per optimisation, each the sum of the run-file metrics that optimisation changes (see the notes).
// The optimisations compare the two in-band runs (same process layout, so a worker-scoped fixture is not
// counted once per worker on one side only); the parallel lanes compare in band with the lanes; the total
// compares the two ends.
const beforeRun = readRunFile(beforeFile);
const inBandRun = readRunFile(inBandFile);
const rows = [
  ...compareRuns(beforeRun, inBandRun, [
    {
      name: 'LLM mocking',
      metrics: ['counters.llmMock.realCallMs', 'counters.llmMock.callMs'],
      note: 'time inside LLM calls — before: live calls to the stand-in; after: mocked calls, plus the few `@real_llm` tests of the client itself',
    },
    {
      name: 'fixture cache',
      metrics: ['counters.fixtureCache.buildMs', 'counters.fixtureCache.loadMs'],
      note: 'building Excel workbooks and large tables — before: every time; after: cache reads (+ builds on a miss)',
    },
    {
      name: 'selective datasets',
      metrics: ['counters.datasets.loadMs'],
      note: 'dataset loading — before: every dataset, eagerly; after: only the datasets a test names',
    },
    {
      name: 'fixture scope',
      metrics: ['counters.workerFixtures.buildMs'],
      note: 'building shared read-only fixtures — before: per test/file; after: once per worker (datasets loaded inside them count here too)',
    },
    {
      name: 'hook time (all fixtures)',
      metrics: ['summary.hookMs'],
      note: '`summary.hookMs`, every hook of every file',
    },
    {
      name: 'all optimisations, in band',
      metrics: ['summary.wallMs'],
      note: 'wall time of the two in-band runs: every optimisation above together, without parallelism',
    },
  ]),
  ...compareRuns(inBandRun, afterRun, [
    {
      name: 'parallel lanes',
      metrics: ['summary.wallMs'],
      note: 'the optimised suite in band vs `jest-perf test` (2 workers, then the serial lane): the 2-core ceiling is 2×',
    },
  ]),
  ...compareRuns(beforeRun, afterRun, [
    {
      name: 'total: wall time',
      metrics: ['summary.wallMs'],
      note: 'the whole suite, Jest start to end, before vs after',
    },
  ]),
];
const when = (run) => `${run.startedAt.slice(0, 16).replace('T', ' ')} UTC`;
const table = [
  `Measured by \`pnpm demo\` from jest-perf run files: before ${when(beforeRun)} (${beforeRun.summary.total} tests), after ${when(afterRun)} (${afterRun.summary.total} tests), ${afterRun.machine.cores} cores (${afterRun.machine.cpuModel}).`,
  'The optimisation rows compare the before run with the optimised suite in band; "parallel lanes" compares that with `jest-perf test`; the total compares the two ends. Rows overlap (a dataset loaded inside a shared fixture counts in both rows): the total is measured, not summed.',
  '',
  renderComparison(rows, { before: 'before', after: 'after' }),
].join('\n');
const performanceMd = join(example, 'PERFORMANCE.md');
updateMarkedSection(performanceMd, table, 'demo');

mkdirSync(dirname(baseline), { recursive: true });
const checkStatus = hadBaseline
  ? step(`Check against this machine's baseline (${testbed.key})`, [
      cli,
      'check',
      '--baseline',
      baseline,
      '--confirm',
      '2',
    ])
  : step(`Create this machine's baseline (first run on ${testbed.key})`, [cli, 'baseline', '--baseline', baseline]);

const total = rows.at(-1);
console.log(`
${renderComparison(rows)}
Results table: ${relative(root, performanceMd)} (section jest-perf:demo)
Reports:       ${relative(root, htmlReport)}, ${relative(root, mdReport)}
Run files:     ${relative(root, beforeFile)} (before), ${relative(root, join(dataDir, 'latest.json'))} (after)
Baseline:      ${relative(root, baseline)}${hadBaseline ? '' : ' (created by this run; the next `pnpm demo` checks against it)'}
Suite: ${suiteFailed ? 'FAILED' : 'passed'} · whole suite ${total.speedup ? `${total.speedup.toFixed(1)}× faster` : ''} · performance ${hadBaseline ? 'check' : 'baseline'}: ${checkStatus === 0 ? 'ok' : checkStatus === 1 ? 'REGRESSED' : 'error'}`);
process.exit(suiteFailed ? 1 : checkStatus);
