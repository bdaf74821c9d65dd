import { E2E_TIMEOUT_MS, expectExitCode, type JestRun, Project, removeProjects, testTitled } from './harness';

let project: Project;
let jestRun: JestRun;

beforeAll(async () => {
  project = new Project('multi-project');
  jestRun = await project.runJest();
  expectExitCode(jestRun, 0);
}, E2E_TIMEOUT_MS);

afterAll(removeProjects);

describe('a multi-project config with reporters() at the top level', () => {
  it("writes one run file holding both projects' tests", () => {
    expect(project.runFiles()).toHaveLength(1);
    const run = project.latest();
    expect(run.tests.map((test) => test.id).sort()).toEqual([
      'alpha/alpha.test.js › runs in alpha',
      'alpha/alpha.test.js › runs in alpha too',
      'beta/beta.test.js › runs in beta',
    ]);
    expect(jestRun.json!.numTotalTests).toBe(3);
  });

  it("uses the tracking environment in each project's workers", () => {
    const run = project.latest();
    expect(testTitled(run, 'runs in beta').setupMs).toBeGreaterThanOrEqual(30 * 0.8);
    expect(run.files.find((file) => file.path === 'beta/beta.test.js')?.hooks).toHaveLength(1);
  });
});
