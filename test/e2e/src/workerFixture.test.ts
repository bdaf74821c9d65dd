import * as fs from 'node:fs';
import * as path from 'node:path';
import { E2E_TIMEOUT_MS, expectExitCode, type JestRun, Project, removeProjects } from './harness';

const DATASETS_PACKAGE = path.resolve(__dirname, '..', '..', '..', 'packages', 'datasets');

interface FixtureRun {
  project: Project;
  run: JestRun;
  /** One pid per build of the fixture. */
  builds: string[];
  /** One pid per test that asked for the fixture. */
  uses: string[];
}

/** Runs Jest on fixtures/worker-fixture: three files that each ask for workerFixture('answer'). */
async function runFixture(args: string[]): Promise<FixtureRun> {
  const project = new Project('worker-fixture');
  // The harness links only the preset (and test/e2e's own dependencies): link this package the same way.
  const link = path.join(project.dir, 'node_modules', '@jest-perf', 'datasets');
  fs.symlinkSync(DATASETS_PACKAGE, link, 'dir');
  const logDir = path.join(project.dir, 'logs');
  fs.mkdirSync(logDir);
  const run = await project.runJest({ args, env: { WORKER_FIXTURE_LOG_DIR: logDir } });
  const lines = (file: string) =>
    fs.existsSync(path.join(logDir, file))
      ? fs.readFileSync(path.join(logDir, file), 'utf8').split('\n').filter(Boolean)
      : [];
  return { project, run, builds: lines('builds.log'), uses: lines('uses.log') };
}

let workers: FixtureRun;
let inBand: FixtureRun;

beforeAll(async () => {
  // The harness always passes --maxWorkers=2, which Jest refuses next to --runInBand; --detectOpenHandles
  // makes Jest run in band too (in its own process, no workers).
  [workers, inBand] = await Promise.all([runFixture([]), runFixture(['--detectOpenHandles'])]);
}, E2E_TIMEOUT_MS);

afterAll(removeProjects);

describe('workerFixture in real Jest runs', () => {
  it('with --maxWorkers=2, builds at most once per worker and shares the value with its later files', () => {
    expectExitCode(workers.run, 0);
    expect(workers.run.json?.numPassedTests).toBe(3);
    expect(workers.uses).toHaveLength(3);
    expect(workers.builds.length).toBeGreaterThanOrEqual(1);
    expect(workers.builds.length).toBeLessThanOrEqual(2);
    // Never twice in one process, and once in every process that asked.
    expect(new Set(workers.builds).size).toBe(workers.builds.length);
    expect(new Set(workers.builds)).toEqual(new Set(workers.uses));
  });

  it('in band, builds once for all three files', () => {
    expectExitCode(inBand.run, 0);
    expect(inBand.run.json?.numPassedTests).toBe(3);
    expect(inBand.uses).toHaveLength(3);
    expect(inBand.builds).toHaveLength(1);
    expect(new Set(inBand.uses)).toEqual(new Set(inBand.builds));
  });

  it('reports builds and hits through the jest-perf counters', () => {
    for (const { project, builds } of [workers, inBand]) {
      expect(project.latest().counters.workerFixtures).toMatchObject({
        builds: builds.length,
        hits: 3 - builds.length,
      });
    }
  });
});
