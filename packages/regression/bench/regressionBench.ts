/*
 * pnpm bench:regression — false positives and detection of the naive rule and of ours, side by side,
 * on simulated CI histories (log-normal noise, seeded: every run prints the same numbers).
 */
import type { History } from '@jest-perf/core';
import { CHANGE_POINT_DEFAULTS } from '../dist/changePoints';
import { detectTrends } from '../dist/trends';
import { VERDICT_DEFAULTS } from '../dist/verdictOptions';
import { createRandom } from './prng';
import { type CvBand, LOCATION_TOLERANCE, type SimParams, simulateCheck, simulateHistory } from './simulate';

const SEED = 20_261_124;
const BANDS: CvBand[] = [
  { label: 'CV 10–15 %', low: 0.1, high: 0.15 },
  { label: 'CV 15–25 %', low: 0.15, high: 0.25 },
  { label: 'CV 25–35 %', low: 0.25, high: 0.35 },
];
const FACTORS = [1, 1.2, 1.5, 2];
const CHECK_TESTS = 20_000;
const HISTORY_TESTS = 4_000;
const BASELINE_RUNS = 10;
const CONFIRM_RUNS = 3;
const HISTORY_RUNS = 50;
const SINCE_CHANGE = 20;
const RUNS_BEFORE_STEP = 50;
const PARAMS: SimParams = { threshold: 0.2, minAbsoluteMs: 25, ...VERDICT_DEFAULTS };

const pct = (rate: number): string => `${(rate * 100).toFixed(1)} %`;
const row = (cells: string[]): string => `| ${cells.join(' | ')} |`;

function checkTable(): void {
  console.log(`\n### Per CV band: baseline = ${BASELINE_RUNS} runs, then a step slowdown of +20/+50/+100 %\n`);
  console.log(row(['CV band', 'rule', 'false pos.', '+20 %', '+50 %', '+100 %', 'noisy: stable / +50 %']));
  console.log(row(['---', '---', '---:', '---:', '---:', '---:', '---:']));
  for (const band of BANDS) {
    const random = createRandom(SEED);
    const options = { tests: CHECK_TESTS, baselineRuns: BASELINE_RUNS, currentRuns: CONFIRM_RUNS, params: PARAMS };
    const checks = FACTORS.map((factor) => simulateCheck(random, band, factor, options));
    const historyOptions = { tests: HISTORY_TESTS, historyRuns: HISTORY_RUNS, sinceChange: SINCE_CHANGE };
    const trends = FACTORS.map((factor) => simulateHistory(createRandom(SEED + 1), band, factor, historyOptions));
    const noisy = `${pct(checks[0]?.noisy ?? 0)} / ${pct(checks[2]?.noisy ?? 0)}`;
    console.log(row([band.label, 'naive: 1 run > baseline × 1.2', ...checks.map((r) => pct(r.naive)), '']));
    console.log(row(['', `ours: check, median of K = ${CONFIRM_RUNS} runs`, ...checks.map((r) => pct(r.ours)), noisy]));
    const trendRule = `ours: change points, last ${SINCE_CHANGE} of ${HISTORY_RUNS} runs slower`;
    console.log(row(['', trendRule, ...trends.map((r) => pct(r.located)), '']));
  }
}

function samplesTable(): void {
  console.log('\n### What it takes: detection of +50 % (false positives in brackets) by runs after the step\n');
  console.log(`Check: baseline of ${BASELINE_RUNS} runs vs the median of K runs.`);
  console.log(
    `Trend: ${RUNS_BEFORE_STEP} runs before the step; located within ±${LOCATION_TOLERANCE} runs / found anywhere.\n`,
  );
  const ks = [1, 3, 5, 10];
  const since = [5, 10, 20, 50];
  console.log(row(['CV band', ...ks.map((k) => `check K = ${k}`), ...since.map((s) => `trend, ${s} runs`)]));
  console.log(row(['---', ...ks.map(() => '---:'), ...since.map(() => '---:')]));
  for (const band of BANDS) {
    const checks = ks.map((k) => {
      const options = { tests: CHECK_TESTS / 2, baselineRuns: BASELINE_RUNS, currentRuns: k, params: PARAMS };
      const fp = simulateCheck(createRandom(SEED + 2), band, 1, options).ours;
      return `${pct(simulateCheck(createRandom(SEED + 3), band, 1.5, options).ours)} (${pct(fp)})`;
    });
    const trends = since.map((s) => {
      const options = { tests: HISTORY_TESTS / 2, historyRuns: RUNS_BEFORE_STEP + s, sinceChange: s };
      const fp = simulateHistory(createRandom(SEED + 4), band, 1, options).located;
      const rates = simulateHistory(createRandom(SEED + 5), band, 1.5, options);
      return `${pct(rates.located)} / ${pct(rates.found)} (${pct(fp)})`;
    });
    console.log(row([band.label, ...checks, ...trends]));
  }
}

function pValueTable(): void {
  console.log('\n### Change points in unchanged series (false positives) by p-value, CV 15–25 %\n');
  console.log(row(['p-value', '50 runs', '200 runs']));
  console.log(row(['---:', '---:', '---:']));
  for (const pValue of [0.001, 0.0001]) {
    const rates = [50, 200].map(
      (runs) =>
        simulateHistory(createRandom(SEED + 6), BANDS[1] as CvBand, 1, {
          tests: 2_000,
          historyRuns: runs,
          sinceChange: 0,
          pValue,
        }).located,
    );
    console.log(row([String(pValue), ...rates.map(pct)]));
  }
}

/** 10,000 tests × 200 runs, 2 % with a +50 % step: the size the history is designed for. */
function syntheticHistory(tests: number, runs: number): History {
  const random = createRandom(SEED + 7);
  const history: History = { runs: [], tests: new Map() };
  for (let r = 0; r < runs; r += 1) history.runs.push({ runId: `run-${r}`, startedAt: '', commit: null });
  for (let t = 0; t < tests; t += 1) {
    const sigma = Math.sqrt(Math.log1p(random.uniform(0.1, 0.35) ** 2));
    const base = Math.exp(random.uniform(Math.log(5), Math.log(5000)));
    const step = random.next() < 0.02 ? Math.floor(random.uniform(20, runs - 20)) : runs;
    const durationsMs = new Float64Array(runs);
    for (let r = 0; r < runs; r += 1) durationsMs[r] = base * (r >= step ? 1.5 : 1) * Math.exp(sigma * random.normal());
    history.tests.set(`t${t}`, { file: 'f.test.ts', durationsMs, statuses: new Array(runs).fill('passed') });
  }
  return history;
}

function speed(): void {
  const history = syntheticHistory(10_000, 200);
  const times: number[] = [];
  let found = 0;
  for (let i = 0; i < 3; i += 1) {
    const start = process.hrtime.bigint();
    found = detectTrends(history).tests.length;
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  console.log('\n### Speed\n');
  console.log(
    `detectTrends on 10,000 tests × 200 runs: ${times[1]?.toFixed(0)} ms (median of 3); ` +
      `${found} tests with change points, about 200 with a real step.`,
  );
}

const cp = CHANGE_POINT_DEFAULTS;
console.log(`jest-perf regression benchmark (seed ${SEED}; log-normal run noise; test medians 300 ms–5 s)`);
console.log(
  `Defaults: threshold 20 %, minAbsoluteMs 25, noiseK ${PARAMS.noiseK}; ` +
    `change points p < ${cp.pValue}, minSegment ${cp.minSegment}.`,
);
checkTable();
samplesTable();
pValueTable();
speed();
