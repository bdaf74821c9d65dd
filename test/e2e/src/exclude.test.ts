import { E2E_TIMEOUT_MS, expectExitCode, type JestRun, Project, removeProjects } from './harness';

let project: Project;
let jestRun: JestRun;

beforeAll(async () => {
  // fixtures/exclude/jest-perf.config.json: { "exclude": ["^legacy/"] }
  project = new Project('exclude');
  jestRun = await project.runJest();
  expectExitCode(jestRun, 0);
}, E2E_TIMEOUT_MS);

afterAll(removeProjects);

describe('exclude', () => {
  it('leaves files matching an exclude pattern out of the run file', () => {
    const run = project.latest();
    expect(run.files.map((file) => file.path)).toEqual(['src/new.test.js']);
    expect(run.tests.map((test) => test.id)).toEqual(['src/new.test.js › is tracked']);
    expect(run.summary.total).toBe(1);
  });

  it('does not stop Jest from running them', () => {
    expect(jestRun.json!.numPassedTests).toBe(2);
  });
});
