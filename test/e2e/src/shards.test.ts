import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { type RunFile, readRunFile } from '@jest-perf/core';
import {
  E2E_TIMEOUT_MS,
  expectExitCode,
  type JestRun,
  Project,
  relativeFile,
  removeProjects,
  resolveFromPreset,
} from './harness';

const CLI = path.resolve(__dirname, '../../../packages/cli/dist/bin.js');
const SHARD_COUNT = 3;
const INDEXES = [1, 2, 3];

/** The slice of Jest's `Test` that the sequencers read. */
interface ShardableTest {
  path: string;
  context: { config: { rootDir: string } };
}
interface Sequencer {
  shard(tests: ShardableTest[], options: { shardIndex: number; shardCount: number }): Promise<ShardableTest[]>;
}
interface Parallel {
  assignShards(files: { path: string; durationMs: number | undefined }[], shardCount: number): string[][];
}

// The packages the preset itself loads: test/e2e depends only on the preset, as a user's project would.
const parallelDir = path.dirname(resolveFromPreset('@jest-perf/parallel/package.json'));
const parallel = require(resolveFromPreset('@jest-perf/parallel')) as Parallel;
const JestSequencer = (
  require(require.resolve('@jest/test-sequencer', { paths: [parallelDir] })) as {
    default: new (options: unknown) => Sequencer;
  }
).default;

/** One `--shard i/3` run: its run file (written to JEST_PERF_OUTPUT) and the files Jest ran. */
interface ShardRun {
  index: number;
  output: string;
  run: RunFile;
  files: string[];
}

let project: Project;
/** Every test file of the fixture, root-relative. */
let allFiles: string[];
/** The unsharded tracked run: the reference ids, and the history (latest.json) the later shards split by. */
let full: RunFile;
let cold: ShardRun[];
let warm: ShardRun[];
let warmAgain: ShardRun;

function filesOf(of: Project, jestRun: JestRun): string[] {
  return jestRun.json!.testResults.map((result) => relativeFile(of.dir, result.name)).sort();
}

/** Runs one shard; its run file goes to JEST_PERF_OUTPUT, so latest.json (the history) stays as it was. */
async function runShard(index: number, label: string): Promise<ShardRun> {
  const output = path.join(path.dirname(project.dir), `${label}-shard-${index}.json`);
  const jestRun = await project.runJest({
    env: { JEST_PERF_OUTPUT: output },
    args: [`--shard=${index}/${SHARD_COUNT}`],
  });
  expectExitCode(jestRun, 0);
  return { index, output, run: readRunFile(output), files: filesOf(project, jestRun) };
}

function ids(run: RunFile): string[] {
  return run.tests.map((test) => test.id);
}

/** Every id of the unsharded run, each exactly once across the shards. */
function expectExactlyOnce(shards: ShardRun[], reference: RunFile): void {
  const sharded = shards.flatMap((shard) => ids(shard.run)).sort();
  expect(new Set(sharded).size).toBe(sharded.length);
  expect(sharded).toEqual(ids(reference).sort());
  expect(shards.filter((shard) => shard.files.length === 0).map((shard) => shard.index)).toEqual([]);
}

function merge(args: string[]) {
  return spawnSync(process.execPath, [CLI, 'merge', ...args, '--root', project.dir], {
    cwd: project.dir,
    encoding: 'utf8',
  });
}

beforeAll(async () => {
  project = new Project('shards');
  // No history yet: Jest's own hash split.
  cold = await Promise.all(INDEXES.map((index) => runShard(index, 'cold')));
  const fullRun = await project.runJest();
  expectExitCode(fullRun, 0);
  full = project.latest();
  allFiles = filesOf(project, fullRun);
  // latest.json now holds each file's runtime: the split follows it.
  const [again, ...shards] = await Promise.all(
    [2, ...INDEXES].map((index, n) => runShard(index, n === 0 ? 'again' : 'warm')),
  );
  warmAgain = again!;
  warm = shards;
}, E2E_TIMEOUT_MS);

afterAll(removeProjects);

describe('--shard without history', () => {
  it('runs every test of the unsharded run exactly once, and no shard is empty', () => {
    expect(full.tests.length).toBeGreaterThan(0);
    expect(full.files).toHaveLength(9);
    expectExactlyOnce(cold, full);
  });

  it("selects the files of Jest's own hash split", async () => {
    const tests = allFiles.map((file) => ({
      path: path.join(project.dir, file),
      context: { config: { rootDir: project.dir } },
    }));
    for (const shard of cold) {
      const expected = await new JestSequencer({}).shard(tests, { shardIndex: shard.index, shardCount: SHARD_COUNT });
      expect(shard.files).toEqual(expected.map((test) => relativeFile(project.dir, test.path)).sort());
    }
  });
});

describe('--shard with history (a tracked run before)', () => {
  it('runs every test of the unsharded run exactly once, and no shard is empty', () => {
    expectExactlyOnce(warm, full);
  });

  it("splits by the files' recorded runtimes (longest-processing-time first), not by path hash", () => {
    const durations = new Map(full.files.map((file) => [file.path, file.runtimeMs]));
    const expected = parallel.assignShards(
      allFiles.map((file) => ({ path: file, durationMs: durations.get(file) })),
      SHARD_COUNT,
    );
    expect(warm.map((shard) => shard.files)).toEqual(expected.map((files) => [...files].sort()));
    expect(warm.map((shard) => shard.run.shard)).toEqual(INDEXES.map((index) => ({ index, count: SHARD_COUNT })));
  });

  it('selects the same files when the same shard runs twice', () => {
    expect(warmAgain.files).toEqual(warm[1]!.files);
    expect(ids(warmAgain.run).sort()).toEqual(ids(warm[1]!.run).sort());
  });
});

describe('jest-perf merge of the shard run files', () => {
  it('gives one complete run with every test once', () => {
    const out = path.join(path.dirname(project.dir), 'merged.json');
    const result = merge([...warm.map((shard) => shard.output), '--out', out]);
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
    const merged = readRunFile(out);
    expect(merged).toMatchObject({ incomplete: false, incompleteReasons: [], shard: null });
    expect(ids(merged).sort()).toEqual(ids(full).sort());
    expect(new Set(ids(merged)).size).toBe(merged.tests.length);
    expect(merged.summary.total).toBe(full.summary.total);
    expect(merged.files.map((file) => file.path).sort()).toEqual(allFiles);
  });

  it('marks the merged run incomplete when a shard is missing', () => {
    const out = path.join(path.dirname(project.dir), 'merged-partial.json');
    const result = merge([warm[0]!.output, warm[2]!.output, '--out', out]);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('shard 2/3 is missing');
    expect(readRunFile(out)).toMatchObject({ incomplete: true });
  });

  it('refuses shards that share a test (the same shard twice)', () => {
    const result = merge([warm[1]!.output, warmAgain.output, '--out', path.join(path.dirname(project.dir), 'x.json')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/is in runs .* and /);
  });
});

describe('shards run one after another, each writing latest.json', () => {
  // Regression test: each shard's run replaces latest.json, which the next shard split by when no baseline
  // was committed: heavy/report.test.js (the longest file, alone in shard 1) ran again in shard 2 while
  // other files ran nowhere. loadFileDurations now ignores a sharded latest run.
  const shards: ShardRun[] = [];
  let unsharded: RunFile;
  beforeAll(async () => {
    const local = new Project('shards');
    expectExitCode(await local.runJest(), 0);
    unsharded = local.latest();
    for (const index of INDEXES) {
      const jestRun = await local.runJest({ args: [`--shard=${index}/${SHARD_COUNT}`] });
      expectExitCode(jestRun, 0);
      shards.push({ index, output: local.paths.latest, run: local.latest(), files: filesOf(local, jestRun) });
    }
  }, E2E_TIMEOUT_MS);

  it('still runs every test exactly once', () => {
    expectExactlyOnce(shards, unsharded);
  });
});
