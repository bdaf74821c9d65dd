import { E2E_TIMEOUT_MS, expectExitCode, type JestRun, lineOf, Project, removeProjects, testTitled } from './harness';

let project: Project;
let jestRun: JestRun;

beforeAll(async () => {
  // The project installs jest-environment-jsdom itself, as a user would (it is an optional peer).
  project = new Project('jsdom', { link: ['jest-environment-jsdom'] });
  jestRun = await project.runJest();
}, E2E_TIMEOUT_MS);

afterAll(removeProjects);

describe("createPreset({ environment: 'jsdom' })", () => {
  it('runs the tests with a DOM', () => {
    expectExitCode(jestRun, 0);
    expect(jestRun.json!.numPassedTests).toBe(2);
  });

  it('times the hooks like the node environment', () => {
    const run = project.latest();
    expect(run.tests).toHaveLength(2);
    for (const title of ['has a document', 'has a window']) {
      expect(testTitled(run, title).setupMs).toBeGreaterThanOrEqual(50 * 0.8);
    }
    expect(run.files[0]!.hooks).toEqual([
      expect.objectContaining({ type: 'beforeEach', calls: 2, line: lineOf('jsdom', 'dom.test.js', 'beforeEach(') }),
    ]);
  });
});
