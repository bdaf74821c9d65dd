import { JestPerfError } from './errors';
import type { Baseline, DurationStats, RunFile } from './types';

/** Longer than any test suite runs: a duration beyond it is a corrupt or hand-edited number. */
export const MAX_SANE_MS = 7 * 24 * 3_600_000;
/** A relative threshold beyond this (100 000 %) turns the check off without saying so. */
export const MAX_SANE_THRESHOLD = 1000;

/** One problem: the field and what is wrong with it. */
type Problem = [field: string, problem: string];

function duration(field: string, value: number | null | undefined): Problem[] {
  if (value === null || value === undefined || value <= MAX_SANE_MS) return [];
  return [[field, `is ${value} ms, over ${MAX_SANE_MS} ms (7 days)`]];
}

/** The first problem of a run file that its schema cannot see: what its numbers mean together. */
export function runFileProblem(run: RunFile): Problem | null {
  if (Date.parse(run.endedAt) < Date.parse(run.startedAt)) {
    return ['/endedAt', `(${run.endedAt}) is before /startedAt (${run.startedAt})`];
  }
  const ids = new Set<string>();
  for (let i = 0; i < run.tests.length; i += 1) {
    const test = run.tests[i] as RunFile['tests'][number];
    if (ids.has(test.id)) return [`/tests/${i}/id`, `repeats the id ${JSON.stringify(test.id)}: ids must be unique`];
    ids.add(test.id);
    const bad = [...duration(`/tests/${i}/durationMs`, test.durationMs), ...duration(`/tests/${i}/cpuMs`, test.cpuMs)];
    if (bad[0]) return bad[0];
  }
  for (let i = 0; i < run.files.length; i += 1) {
    const bad = duration(`/files/${i}/runtimeMs`, (run.files[i] as RunFile['files'][number]).runtimeMs);
    if (bad[0]) return bad[0];
  }
  const { summary } = run;
  if (summary.total !== run.tests.length) {
    return ['/summary/total', `is ${summary.total} but the run lists ${run.tests.length} tests`];
  }
  if (summary.passed + summary.failed + summary.skipped !== summary.total) {
    return [
      '/summary',
      `passed + failed + skipped (${summary.passed} + ${summary.failed} + ${summary.skipped}) is not total (${summary.total})`,
    ];
  }
  if (summary.slowCount > summary.total) return ['/summary/slowCount', `is more than total (${summary.total})`];
  return duration('/summary/wallMs', summary.wallMs)[0] ?? null;
}

function statsProblem(field: string, stats: DurationStats): Problem | null {
  const bad = duration(`${field}/max`, stats.max)[0];
  if (bad) return bad;
  if (!(stats.min <= stats.median && stats.median <= stats.max)) {
    return [`${field}/median`, `(${stats.median}) is not between min (${stats.min}) and max (${stats.max})`];
  }
  if (stats.mad > stats.max - stats.min) return [`${field}/mad`, `(${stats.mad}) is larger than max − min`];
  return null;
}

function threshold(field: string, value: number): Problem | null {
  return value > MAX_SANE_THRESHOLD ? [field, `is ${value}: over ${MAX_SANE_THRESHOLD} no change can ever fail`] : null;
}

/** An override of a thing the baseline does not have (a typo in an id applies to nothing), or an absurd one. */
function overrideProblem(baseline: Baseline): Problem | null {
  const files = new Set([...Object.keys(baseline.files ?? {}), ...Object.values(baseline.tests).map((t) => t.file)]);
  const known = { tests: (id: string) => id in baseline.tests, files: (path: string) => files.has(path) };
  for (const kind of ['tests', 'files'] as const) {
    for (const [key, value] of Object.entries(baseline.overrides[kind])) {
      const field = `/overrides/${kind}/${JSON.stringify(key)}`;
      if (!known[kind](key)) {
        const form = kind === 'tests' ? 'test ids read `path/to/a.test.ts › describe › title`' : 'root-relative';
        return [field, `names no ${kind === 'tests' ? 'test' : 'test file'} of the baseline (${form})`];
      }
      const problem = threshold(field, value);
      if (problem) return problem;
    }
  }
  return null;
}

/** The first problem of a baseline that its schema cannot see: no tests, absurd overrides or statistics. */
export function baselineProblem(baseline: Baseline): Problem | null {
  if (Object.keys(baseline.tests).length === 0) return ['/tests', 'is empty: every check against it would pass'];
  const overridden = overrideProblem(baseline);
  if (overridden) return overridden;
  for (const [id, test] of Object.entries(baseline.tests)) {
    const field = `/tests/${JSON.stringify(id)}`;
    const problem =
      statsProblem(`${field}/stats`, test.stats) ?? (test.cpu ? statsProblem(`${field}/cpu`, test.cpu) : null);
    if (problem) return problem;
  }
  for (const [path, file] of Object.entries(baseline.files ?? {})) {
    for (const [name, stats] of Object.entries({ runtime: file.runtime, tests: file.tests, startup: file.startup })) {
      const problem = stats ? statsProblem(`/files/${JSON.stringify(path)}/${name}`, stats) : null;
      if (problem) return problem;
    }
  }
  return baseline.run ? statsProblem('/run/totalMs', baseline.run.totalMs) : null;
}

/**
 * Throws the error a schema failure would, for a problem of meaning.
 * @throws JestPerfError `JEST_PERF_FILE_INVALID` naming the file and the field.
 */
export function assertMeaning(problem: Problem | null, what: string, file: string | undefined, fix: string): void {
  if (!problem) return;
  throw new JestPerfError('JEST_PERF_FILE_INVALID', `Invalid ${what}: field ${problem[0]} ${problem[1]}`, {
    file,
    fix,
  });
}
