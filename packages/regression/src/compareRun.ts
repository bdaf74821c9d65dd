import type { Baseline, DurationStats, RunFile } from '@jest-perf/core';
import { gateContext } from './gateContext';
import { type GateSeries, gateSeries, type Samples } from './gateSeries';
import { type JudgeParams, judge, type TimeRule } from './judge';
import { type MachineSpeed, machineSpeed } from './machineSpeed';
import { type NoiseFloor, pooledNoiseFloor } from './noiseFloor';
import { assertHasRuns, windowFromRuns } from './runWindow';
import { compareSlowCount } from './slowCount';
import { finite, median } from './stats';
import { suiteOf } from './suites';
import type {
  GateContext,
  SlowCountVerdict,
  SuiteScope,
  SuiteVerdict,
  TestVerdict,
  Verdict,
  VerdictKind,
  VerdictOptions,
} from './types';
import { type ResolvedVerdictOptions, resolveVerdictOptions } from './verdictOptions';

/** The current side: one run, or several (oldest first: a run and its confirming reruns, or the newest K). */
export type CurrentSource = RunFile | readonly RunFile[];

/** Verdict counts by kind. */
export type VerdictCounts = Record<VerdictKind, number>;

/** What {@link compareRun} returns: everything the CLI prints and exits on. */
export interface CompareResult {
  /** Sorted by id. */
  tests: TestVerdict[];
  /** Test files (their tests together), their start-up, their hooks and the whole run; sorted by name. */
  suites: SuiteVerdict[];
  slowCount: SlowCountVerdict;
  /** True when a test, a hook, a file, the whole run or the slow count regressed: the check fails. */
  regressed: boolean;
  summary: { tests: VerdictCounts; suites: VerdictCounts };
  /** The runs the current values come from. */
  current: { runIds: string[] };
  /**
   * How much slower (> 1) or faster the current runs were than the baseline across the board; each thing
   * was compared with its baseline scaled by it. Null when not estimated (too little data, or
   * `normalizeSpeed: false`).
   */
  speed: MachineSpeed | null;
  /** Testbeds, machine load, and whether wall time could fail the check. */
  context: GateContext;
}

/**
 * How many times its baseline a thing's CPU time may grow on a busy machine with the code unchanged: two CPU
 * hogs on a 2-core VM doubled the CPU time of unchanged computing tests of the example suite (shared cores,
 * caches and memory bandwidth make the same work cost more CPU).
 */
export const BUSY_CPU_CONTENTION = 2;

/** Kinds that name a thing worth a look: large changes. */
const NAMED: ReadonlySet<VerdictKind> = new Set(['regressed', 'unconfirmed']);

export function emptyCounts(): VerdictCounts {
  return { regressed: 0, unconfirmed: 0, minor: 0, improved: 0, unchanged: 0, new: 0, missing: 0, unjudged: 0 };
}

export function countVerdicts(verdicts: readonly { kind: VerdictKind }[]): VerdictCounts {
  const counts = emptyCounts();
  for (const verdict of verdicts) counts[verdict.kind] += 1;
  return counts;
}

function byKey<T>(key: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
}

/**
 * The one rule for a threshold: the baseline's override of this thing, else the invocation's (`--threshold`
 * over the config over the default, resolved in `resolveVerdictOptions`).
 */
function pickThreshold(override: number | undefined, invocation: number): number {
  return override ?? invocation;
}

/** The baseline statistics of one kind of thing: each kind has its own noise (start-up is far noisier). */
function* statsOf(baseline: Baseline, scope: 'test' | 'file' | 'startup' | 'hook' | 'cpu'): Generator<DurationStats> {
  if (scope === 'test' || scope === 'cpu') {
    for (const test of Object.values(baseline.tests)) {
      const stats = scope === 'cpu' ? test.cpu : test.stats;
      if (stats) yield stats;
    }
  }
  for (const file of Object.values(baseline.files ?? {})) {
    if (scope === 'cpu' && file.cpu) yield file.cpu;
    if (scope === 'file' && file.tests) yield file.tests;
    if (scope === 'startup' && file.startup) yield file.startup;
    if (scope === 'hook') yield* Object.values(file.hooks ?? {});
  }
}

interface Rules {
  o: ResolvedVerdictOptions;
  /** Wall-time rules by kind of thing (their noise floors differ). */
  wall: Record<'test' | 'file' | 'startup' | 'hook', TimeRule>;
  cpu: TimeRule;
  testThreshold: number;
  suiteThreshold: number;
}

function params(
  rules: Rules,
  scope: keyof Rules['wall'],
  threshold: number,
  judgeFewRuns: boolean,
  wallSpeed = rules.wall[scope].speed,
): JudgeParams {
  return {
    threshold,
    minImpactMs: rules.o.minAbsoluteMs,
    noiseK: rules.o.noiseK,
    assumedCv: rules.o.assumedCv,
    confirmed: rules.o.confirmed,
    judgeFewRuns,
    wall: { ...rules.wall[scope], speed: wallSpeed },
    cpu: rules.cpu,
  };
}

function series(base: DurationStats | undefined, current: Samples | undefined) {
  return base ? { base, current: current ?? [] } : undefined;
}

function compareTests(baseline: Baseline, current: GateSeries, rules: Rules): TestVerdict[] {
  const ids = new Set([...Object.keys(baseline.tests), ...current.tests.keys()]);
  return [...ids].map((id): TestVerdict => {
    const base = baseline.tests[id];
    const now = current.tests.get(id);
    const file = (now?.file ?? base?.file) as string;
    const threshold = pickThreshold(baseline.overrides.tests[id], rules.testThreshold);
    const verdict: Verdict =
      judge(series(base?.stats, now?.wall), series(base?.cpu, now?.cpu), params(rules, 'test', threshold, false)) ??
      newVerdict(now?.wall);
    return { ...verdict, id, file, suite: suiteOf(file) };
  });
}

/** The verdict on something the baseline does not have. */
function newVerdict(samples: Samples | undefined): Verdict {
  return { kind: 'new', currentMs: median(samples ?? []), currentSamples: finite(samples ?? []).length };
}

function suiteVerdict(
  scope: SuiteScope,
  suite: string,
  file: string | null,
  verdict: Verdict | null,
  current: Samples | undefined,
  tests: { baseline: number; current: number },
): SuiteVerdict {
  const v: Verdict = verdict ?? newVerdict(current);
  return { ...v, scope, suite, file, tests };
}

/**
 * A change already named through its parts is not named again: a file's tests together are judged so that
 * tests too small to judge alone still count, and the whole run so that a slowdown spread over everything
 * shows; when the named parts account for the change (all but less than the minimum impact), it is unchanged.
 */
function explainedByParts(
  verdict: SuiteVerdict,
  parts: readonly (TestVerdict | SuiteVerdict)[],
  minImpactMs: number,
): SuiteVerdict {
  if (!NAMED.has(verdict.kind) || !('deltaMs' in verdict)) return verdict;
  let named = 0;
  for (const part of parts) if (NAMED.has(part.kind) && 'deltaMs' in part) named += Math.max(0, part.deltaMs);
  if (named === 0 || verdict.deltaMs - named >= minImpactMs) return verdict;
  const { reason: _reason, ...rest } = verdict as SuiteVerdict & { reason?: string };
  return { ...rest, kind: 'unchanged' } as SuiteVerdict;
}

function compareFiles(baseline: Baseline, current: GateSeries, rules: Rules, tests: TestVerdict[]): SuiteVerdict[] {
  const out: SuiteVerdict[] = [];
  const paths = new Set([...Object.keys(baseline.files ?? {}), ...current.files.keys()]);
  for (const path of paths) {
    const base = baseline.files?.[path];
    const now = current.files.get(path);
    if (!base?.tests && !now) continue;
    const count = { baseline: countTests(baseline, path), current: now?.testIds.size ?? 0 };
    const override = baseline.overrides.files[path];
    const suiteThreshold = pickThreshold(override, rules.suiteThreshold);
    const fileVerdict = suiteVerdict(
      'file',
      path,
      path,
      judge(series(base?.tests, now?.tests), series(base?.cpu, now?.cpu), params(rules, 'file', suiteThreshold, true)),
      now?.tests,
      count,
    );
    const fileTests = tests.filter((test) => test.file === path);
    out.push(explainedByParts(fileVerdict, fileTests, rules.o.minAbsoluteMs));
    if (base?.startup || now) {
      out.push(
        suiteVerdict(
          'startup',
          `${path} › start-up`,
          path,
          judge(series(base?.startup, now?.startup), undefined, params(rules, 'startup', suiteThreshold, true)),
          now?.startup,
          count,
        ),
      );
    }
    const hooks = new Set([...Object.keys(base?.hooks ?? {}), ...(now?.hooks.keys() ?? [])]);
    for (const key of hooks) {
      const samples = now?.hooks.get(key);
      // A hook the file did not have took no time then: a new slow hook is a slowdown, not news.
      const hookBase = base?.hooks?.[key] ?? (base?.runtime ? noTime(base.runtime.samples) : undefined);
      out.push(
        suiteVerdict(
          'hook',
          `${path} › ${key}`,
          path,
          judge(
            series(hookBase, samples),
            undefined,
            params(rules, 'hook', pickThreshold(override, rules.testThreshold), true),
          ),
          samples,
          count,
        ),
      );
    }
  }
  return out;
}

function noTime(samples: number): DurationStats {
  return { median: 0, mad: 0, samples, min: 0, max: 0 };
}

function countTests(baseline: Baseline, path: string): number {
  let n = 0;
  for (const test of Object.values(baseline.tests)) if (test.file === path) n += 1;
  return n;
}

/** The whole run, never scaled by the machine's speed: a slowdown across the board shows here. */
function compareWholeRun(baseline: Baseline, current: GateSeries, rules: Rules): SuiteVerdict | null {
  if (!baseline.run) return null;
  // Its noise is its own: the whole run's spread and largest excess over the baseline's runs, not the files'.
  const own = (stats: DurationStats): NoiseFloor => pooledNoiseFloor([stats], rules.o.minCv, rules.o.assumedCv);
  const p = params(rules, 'file', rules.suiteThreshold, true, 1);
  p.wall = { ...p.wall, floor: own(baseline.run.totalMs) };
  if (baseline.run.cpuMs) p.cpu = { ...p.cpu, floor: own(baseline.run.cpuMs) };
  const verdict = judge(series(baseline.run.totalMs, current.total), series(baseline.run.cpuMs, current.totalCpu), p);
  const tests = { baseline: Object.keys(baseline.tests).length, current: current.tests.size };
  return suiteVerdict('run', 'whole run', null, verdict, current.total, tests);
}

function floorRule(floor: NoiseFloor, speed: number, trusted: boolean, distrust: TimeRule['distrust']): TimeRule {
  return { floor, speed, trusted, distrust };
}

/** The slow-test count is wall time too: on a busy machine or another testbed it informs, it does not fail. */
function trustedSlowCount(verdict: SlowCountVerdict, context: GateContext): SlowCountVerdict {
  if (verdict.kind !== 'regressed' || context.wallTrusted) return verdict;
  context.notes.push(
    `The slow-test count grew (${verdict.baseline} → ${verdict.current}) on wall time alone, which does not fail the check here.`,
  );
  return { ...verdict, kind: 'unchanged' };
}

/**
 * Compares current runs with the baseline on impact: a verdict per test, per file (its tests together, its
 * start-up, each hook) and for the whole run, and the slow-test count. See docs/regression-statistics.md.
 * @throws JestPerfError `JEST_PERF_NO_RUN_DATA` when `current` holds no run; `JEST_PERF_USAGE` for bad options.
 * @example
 * const result = compareRun(readBaseline(paths.baseline), readLatestRun(paths), { thresholds: config.thresholds });
 * process.exitCode = result.regressed ? 1 : 0;
 */
export function compareRun(baseline: Baseline, current: CurrentSource, options: VerdictOptions = {}): CompareResult {
  const o = resolveVerdictOptions(options);
  const runs: readonly RunFile[] = Array.isArray(current) ? current : [current as RunFile];
  const window = windowFromRuns(runs);
  assertHasRuns(window, 'compare with the baseline');
  const now = gateSeries(runs);
  const suiteThreshold = o.suiteThreshold;
  const context = gateContext(baseline, runs, now, { suiteThreshold, confirmed: o.confirmed });
  const speed = o.normalizeSpeed ? machineSpeed(baseline, now) : null;
  const distrust = context.testbed.same ? 'busy' : 'testbed';
  const wallRule = (scope: 'test' | 'file' | 'startup' | 'hook') =>
    floorRule(
      pooledNoiseFloor(statsOf(baseline, scope), o.minCv, o.assumedCv, { stallsOfAnySize: scope === 'startup' }),
      speed?.factor ?? 1,
      context.wallTrusted,
      distrust,
    );
  const rules: Rules = {
    o,
    wall: {
      test: wallRule('test'),
      file: wallRule('file'),
      startup: wallRule('startup'),
      hook: wallRule('hook'),
    },
    cpu: {
      ...floorRule(
        pooledNoiseFloor(statsOf(baseline, 'cpu'), o.minCv, o.assumedCv),
        speed?.cpuFactor ?? 1,
        context.testbed.same,
        'testbed',
      ),
      contention: context.busy.busy ? BUSY_CPU_CONTENTION : 1,
    },
    testThreshold: o.testThreshold,
    suiteThreshold,
  };
  const tests = compareTests(baseline, now, rules).sort(byKey((v) => v.id));
  const files = compareFiles(baseline, now, rules, tests);
  const whole = compareWholeRun(baseline, now, rules);
  const wholeVerdict = whole ? [explainedByParts(whole, [...tests, ...files], rules.o.minAbsoluteMs)] : [];
  const suites = [...files, ...wholeVerdict].sort(byKey((v) => v.suite));
  const slowCount = trustedSlowCount(compareSlowCount(baseline, window, o.slowCountTolerance), context);
  const summary = { tests: countVerdicts(tests), suites: countVerdicts(suites) };
  return {
    tests,
    suites,
    slowCount,
    regressed: summary.tests.regressed > 0 || summary.suites.regressed > 0 || slowCount.kind === 'regressed',
    summary,
    current: { runIds: runs.map((run) => run.runId) },
    speed,
    context,
  };
}
