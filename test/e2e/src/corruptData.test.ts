import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readHistory } from '@jest-perf/core';

/** The built CLI, run like a user would after the Jest run. */
const CLI = path.resolve(__dirname, '../../../packages/cli/dist/bin.js');

import { E2E_TIMEOUT_MS, expectExitCode, type JestRun, Project, removeProjects } from './harness';

const NOT_ARROW = 'this is not an Arrow file\n';
/** A line of a stack trace, as Node prints it. */
const STACK_FRAME = /^\s+at .+[(:]/m;

let corruptLatest: { project: Project; jestRun: JestRun };
let corruptHistory: { project: Project; jestRun: JestRun };

async function runWith(files: Record<string, string>): Promise<{ project: Project; jestRun: JestRun }> {
  const project = new Project('simple', { files });
  return { project, jestRun: await project.runJest() };
}

beforeAll(async () => {
  [corruptLatest, corruptHistory] = await Promise.all([
    runWith({ '.jest-perf/latest.json': '{"schemaVersion": 1, "runId": ' }),
    runWith({ '.jest-perf/history.arrow': NOT_ARROW }),
  ]);
}, E2E_TIMEOUT_MS);

afterAll(removeProjects);

describe('corrupt data from an earlier run', () => {
  it('replaces a half-written latest.json with a good one', () => {
    const { project, jestRun } = corruptLatest;
    expectExitCode(jestRun, 0);
    const latest = project.latest();
    expect(latest.summary.total).toBe(4);
    expect(path.basename(project.runFiles()[0]!)).toBe(`${latest.runId}.json`);
    expect(jestRun.stderr).not.toMatch(/unreadable|corrupt/i);
  });

  it('leaves a corrupt history to the CLI, which moves it aside with a one-line notice and rebuilds it', () => {
    const { project, jestRun } = corruptHistory;
    expectExitCode(jestRun, 0);
    expect(jestRun.stderr).not.toMatch(/unreadable/i);
    expect(fs.readFileSync(project.paths.history, 'utf8')).toBe(NOT_ARROW);

    const report = spawnSync(process.execPath, [CLI, 'report', '--root', project.dir], { encoding: 'utf8' });

    expect(report.status).toBe(0);
    const latest = project.latest();
    expect(readHistory(project.paths.history).runs.map((r) => r.runId)).toEqual([latest.runId]);
    const aside = fs.readdirSync(project.perfDir).filter((name) => name.startsWith('history.arrow.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(project.perfDir, aside[0]!), 'utf8')).toBe(NOT_ARROW);
    const notices = report.stderr.split('\n').filter((line) => /history/i.test(line));
    expect(notices).toEqual([
      `jest-perf: the history was unreadable; moved it to ${path.join(project.perfDir, aside[0]!)} and rebuilt it from the run files`,
    ]);
    expect(report.stderr).not.toMatch(STACK_FRAME);
  });
});
