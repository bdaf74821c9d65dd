import * as fs from 'node:fs';
import * as path from 'node:path';
import { readRunFile } from '@jest-perf/core';
import { E2E_TIMEOUT_MS, type JestRun, Project, removeProjects } from './harness';

let runsIsAFile: { project: Project; jestRun: JestRun };
let latestIsAFolder: { project: Project; jestRun: JestRun };

beforeAll(async () => {
  const files = new Project('simple', { files: { '.jest-perf/runs': 'not a folder\n' } });
  const folder = new Project('simple', { files: { '.jest-perf/latest.json/keep': '' } });
  const [a, b] = await Promise.all([files.runJest(), folder.runJest()]);
  runsIsAFile = { project: files, jestRun: a };
  latestIsAFolder = { project: folder, jestRun: b };
}, E2E_TIMEOUT_MS);

afterAll(removeProjects);

describe('a data folder of the wrong shape', () => {
  it('names runs/ being a file and the fix, and keeps the run beside it', () => {
    const { project, jestRun } = runsIsAFile;
    expect(jestRun.json?.numPassedTests).toBe(4);
    expect(jestRun.stderr).toContain(
      `runs is a file, where jest-perf keeps its run files (a folder) (${project.paths.runsDir})`,
    );
    expect(jestRun.stderr).toContain('Fix: move or delete that file');
    const kept = fs.readdirSync(project.perfDir).filter((name) => /^run-.*\.json$/.test(name));
    expect(kept).toHaveLength(1);
    expect(readRunFile(path.join(project.perfDir, kept[0]!)).summary.total).toBe(4);
  });

  it('names latest.json being a folder and the fix, the run saved in runs/', () => {
    const { project, jestRun } = latestIsAFolder;
    expect(jestRun.json?.numPassedTests).toBe(4);
    expect(jestRun.stderr).toContain(
      `latest.json is a folder, where jest-perf writes the latest run (a file) (${project.paths.latest})`,
    );
    expect(project.runFiles()).toHaveLength(1);
    expect(jestRun.stderr).toContain(`the run was saved to ${project.runFiles()[0]}`);
  });
});
