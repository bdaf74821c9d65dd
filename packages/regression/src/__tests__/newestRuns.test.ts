import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type DataPaths, dataPaths, type JestPerfError } from '@jest-perf/core';
import { newestRuns } from '../newestRuns';
import { makeRun } from './helpers/runs';

let root: string;
let paths: DataPaths;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-newest-'));
  paths = dataPaths({ rootDir: root, dataDir: '.jest-perf', baselinePath: 'perf-baseline.json' });
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

function store(...ids: string[]): void {
  fs.mkdirSync(paths.runsDir, { recursive: true });
  for (const id of ids)
    fs.writeFileSync(path.join(paths.runsDir, `${id}.json`), JSON.stringify(makeRun(id, [['a › t', 10]])));
}

describe('newestRuns', () => {
  it('reads the newest count run files, oldest first', () => {
    store('2026-01-03', '2026-01-01', '2026-01-02');
    expect(newestRuns(paths, 2).map((run) => run.runId)).toEqual(['2026-01-02', '2026-01-03']);
    expect(newestRuns(paths, 10).map((run) => run.runId)).toEqual(['2026-01-01', '2026-01-02', '2026-01-03']);
  });

  it('tells the user to track a run when none is stored', () => {
    expect(() => newestRuns(paths, 3)).toThrow(
      expect.objectContaining({
        code: 'JEST_PERF_NO_RUN_DATA',
        fix: 'track a run first: npx jest-perf track',
      }) as JestPerfError,
    );
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses %p runs as a usage error', (count) => {
    store('2026-01-01');
    expect(() => newestRuns(paths, count)).toThrow(
      expect.objectContaining({
        code: 'JEST_PERF_USAGE',
        message: expect.stringContaining('positive integer'),
      }) as JestPerfError,
    );
  });
});
