import * as path from 'node:path';
import { syncHistory } from '@jest-perf/core';
import { E2E_TIMEOUT_MS, expectExitCode, Project, removeProjects } from './harness';

afterAll(removeProjects);

describe('history', () => {
  it(
    'appends each run and keeps only historySize runs and run files',
    async () => {
      const project = new Project('simple', { files: { 'jest-perf.config.json': '{ "historySize": 2 }\n' } });
      const runIds: string[] = [];
      const trackRun = async () => {
        expectExitCode(await project.runJest(), 0);
        runIds.push(project.latest().runId);
      };
      const runFileIds = () => project.runFiles().map((file) => path.basename(file, '.json'));
      const historyIds = () => syncHistory(project.paths).history.runs.map((run) => run.runId);

      await trackRun();
      await trackRun();
      expect(historyIds()).toEqual(runIds);
      expect(runFileIds()).toEqual(runIds);
      const history = syncHistory(project.paths).history;
      expect(history.tests.size).toBe(4);
      for (const series of history.tests.values()) expect(series.statuses).toEqual(['passed', 'passed']);

      await trackRun();
      expect(new Set(runIds).size).toBe(3);
      expect(historyIds()).toEqual(runIds.slice(1));
      expect(runFileIds()).toEqual(runIds.slice(1));
    },
    E2E_TIMEOUT_MS,
  );
});
