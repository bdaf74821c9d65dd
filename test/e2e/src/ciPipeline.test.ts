import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type CheckReport, type CheckReportEntry, type RunFile, readHistoryExport } from '@jest-perf/core';
import {
  E2E_TIMEOUT_MS,
  expectExitCode,
  type JestRun,
  Project,
  relativeFile,
  removeProjects,
  resolveFromPreset,
  withoutJestPerfEnv,
} from './harness';

/*
 * Two CI pipelines, simulated locally: each runs 3 shards at once in separate copies of the project (separate
 * CI machines), carries their run files to a fourth copy, merges and checks them, and exports the history to
 * a cache file; the second pipeline's jobs import the first one's. charts/render.test.js is slow in the first
 * pipeline only, so the second pipeline's duration-balanced split must differ from the first's.
 */

const CLI = path.resolve(__dirname, '../../../packages/cli/dist/bin.js');
const INDEXES = [1, 2, 3];
const RENDER = 'charts/render.test.js';
/** How long charts/render takes in pipeline 1: far more than the other five files together. */
const SLOW_RENDER_MS = '2500';
/** A check verdict line flagging charts/render's test time (not its start-up, which busy machines move). */
const FLAGS_RENDER = /(regressed|unconfirmed)\s+charts\/render\.test\.js: /;
/** `jest-perf check` as a tool reads it. */
const JSON_CHECK = ['--format', 'json'];

interface Parallel {
  assignShards(files: { path: string; durationMs: number | undefined }[], shardCount: number): string[][];
}
const parallel = require(resolveFromPreset('@jest-perf/parallel')) as Parallel;

interface Pipeline {
  /** The files each shard ran, by shard index - 1. */
  split: string[][];
  merged: RunFile;
  /** `jest-perf check` with each of the flag lists the pipeline was given. */
  checks: CliRun[];
}

interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `npx jest-perf …` in `dir`, with no CI variables of the machine running this test (no step summary). */
function jestPerf(dir: string, args: string[]): CliRun {
  const env = Object.fromEntries(Object.entries(withoutJestPerfEnv()).filter(([key]) => !key.startsWith('GITHUB_')));
  // jest-perf-audit-allow child-process: one short CLI process at a time, its env built here (no JEST_PERF*, GITHUB_*)
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, env, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function expectOk(run: CliRun): CliRun {
  expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
  return run;
}

let cacheFile: string;
let baselineText: string;
let first: Pipeline;
let second: Pipeline;
let carried: ReturnType<typeof readHistoryExport>;

/** A fresh CI machine: the repository as committed (with its baseline), and the cache restored when there is one. */
function checkout(): Project {
  const project = new Project('ci-pipeline', { files: { '.jest-perf/baseline.json': baselineText } });
  expectOk(jestPerf(project.dir, ['history', 'import', cacheFile, '--if-present']));
  return project;
}

function filesOf(project: Project, run: JestRun): string[] {
  return run.json!.testResults.map((result) => relativeFile(project.dir, result.name)).sort();
}

async function pipeline(env: Record<string, string>, checks: string[][]): Promise<Pipeline> {
  const machines = INDEXES.map(checkout);
  // All at once, as a CI matrix runs them: each is its own Jest with its own workers.
  const runs = await Promise.all(
    machines.map((machine, i) => machine.startJest({ env, args: [`--shard=${INDEXES[i]}/3`] }).done),
  );
  for (const run of runs) expectExitCode(run, 0);
  const merger = checkout();
  const shardFiles = machines.map((machine, i) => {
    const file = path.join('shards', `shard-${INDEXES[i]}.json`);
    merger.write(file, fs.readFileSync(machine.paths.latest, 'utf8'));
    return file;
  });
  expectOk(jestPerf(merger.dir, ['merge', ...shardFiles]));
  const results = checks.map((flags) => jestPerf(merger.dir, ['check', ...flags]));
  expectOk(jestPerf(merger.dir, ['history', 'export', '--out', cacheFile]));
  return {
    split: machines.map((machine, i) => filesOf(machine, runs[i] as JestRun)),
    merged: merger.latest(),
    checks: results,
  };
}

beforeAll(async () => {
  // The developer's machine: one tracked run, recorded as the committed baseline.
  const dev = new Project('ci-pipeline');
  cacheFile = path.join(path.dirname(dev.dir), 'ci-cache', 'perf-history.arrow');
  expectExitCode(await dev.runJest(), 0);
  expectOk(jestPerf(dev.dir, ['baseline']));
  baselineText = fs.readFileSync(dev.paths.baseline, 'utf8');

  first = await pipeline({ CI_PIPELINE_RENDER_MS: SLOW_RENDER_MS }, [[]]);
  second = await pipeline({}, [JSON_CHECK, ['--last', '2', ...JSON_CHECK]]);
  carried = readHistoryExport(cacheFile);
}, E2E_TIMEOUT_MS);

afterAll(removeProjects);

/** The check's verdict on charts/render's tests together, if it lists one (unchanged files are not listed). */
function renderVerdict(run: CliRun): CheckReportEntry | undefined {
  const report = JSON.parse(run.stdout) as CheckReport;
  if (report.status === 'skipped') throw new Error(`check skipped: ${report.reason}`);
  return report.verdicts
    .flatMap((list) => list.entries)
    .find((entry) => entry.scope === 'file' && entry.subject === RENDER);
}

/** charts/render's tests together in one merged run, in the time the verdict judged (wall or CPU). */
function renderMs(run: RunFile, verdict: CheckReportEntry): number {
  const tests = run.tests.filter((test) => test.file === RENDER);
  return tests.reduce((sum, test) => sum + ((verdict.evidence === 'cpu' ? test.cpuMs : test.durationMs) ?? 0), 0);
}

const shardOf = (split: string[][], file: string): string[] => split.find((files) => files.includes(file)) ?? [];

describe('pipeline 1 (no history yet)', () => {
  it('splits by the committed baseline, where charts/render is quick: it shares a shard', () => {
    const baseline = JSON.parse(baselineText) as { files: Record<string, { runtimeMs: number }> };
    const planned = parallel.assignShards(
      first.split.flat().map((file) => ({ path: file, durationMs: baseline.files[file]?.runtimeMs })),
      3,
    );
    expect(first.split).toEqual(planned.map((files) => [...files].sort()));
    expect(shardOf(first.split, RENDER).length).toBeGreaterThan(1);
  });

  it('merges the shards into one complete run, whose check flags the slow file', () => {
    expect(first.merged).toMatchObject({ shard: null, incomplete: false });
    expect(first.merged.files.map((file) => file.path).sort()).toEqual(first.split.flat().sort());
    const [check] = first.checks as [CliRun];
    // Regressed, or unconfirmed when the machine was busy (wall time alone): the exit code depends on the load.
    expect([0, 1]).toContain(check.status);
    expect(check.stdout).toMatch(FLAGS_RENDER);
  });
});

describe('pipeline 2 (history imported from pipeline 1)', () => {
  it('splits by the imported merged run: charts/render alone, the other files balanced over the rest', () => {
    const runtimes = new Map(first.merged.files.map((file) => [file.path, file.runtimeMs]));
    const planned = parallel.assignShards(
      first.split.flat().map((file) => ({ path: file, durationMs: runtimes.get(file) })),
      3,
    );
    expect(second.split).toEqual(planned.map((files) => [...files].sort()));
    expect(shardOf(second.split, RENDER)).toEqual([RENDER]);
    expect(second.split).not.toEqual(first.split);
  });

  it('runs every file exactly once', () => {
    expect(second.split.flat().sort()).toEqual(first.split.flat().sort());
  });

  it('checks with the imported run: --last 2 takes the median with pipeline 1, so its slowdown still counts', () => {
    const [latestOnly, lastTwo] = second.checks as [CliRun, CliRun];
    expect([0, 1]).toContain(latestOnly.status);
    expect([0, 1]).toContain(lastTwo.status);
    // The latest run alone: pipeline 2's render time, whatever the machine's load made of it (a busy machine
    // may still list it, as unconfirmed; it is never pipeline 1's slowdown).
    const latest = renderVerdict(latestOnly);
    if (latest) {
      expect(latest).toMatchObject({ currentSamples: 1 });
      expect(latest.currentMs).toBeCloseTo(renderMs(second.merged, latest), 0);
    }
    // With --last 2, the median of both pipelines' runs: pipeline 1's 2.5 s render counts and is flagged.
    const both = renderVerdict(lastTwo);
    expect(both).toMatchObject({ kind: expect.stringMatching(/^(regressed|unconfirmed)$/), currentSamples: 2 });
    const median = (renderMs(first.merged, both!) + renderMs(second.merged, both!)) / 2;
    expect(both!.currentMs).toBeCloseTo(median, 0);
  });

  it('exports a history holding both merged runs, and no shard run', () => {
    expect(carried.runs.map((run) => run.runId)).toEqual([first.merged.runId, second.merged.runId]);
  });
});
