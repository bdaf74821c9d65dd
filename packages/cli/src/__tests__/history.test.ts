import * as fs from 'node:fs';
import * as path from 'node:path';
import { listRunFiles, syncHistory } from '@jest-perf/core';
import { makeRun, makeTest } from '../../../report/src/__tests__/helpers/runs';
import { historyCommand } from '../commands/history';
import { cli, createProject, type TempProject } from './helpers/project';

let ci: TempProject;
let local: TempProject;
beforeEach(() => {
  ci = createProject();
  local = createProject();
});
afterEach(() => {
  ci.remove();
  local.remove();
});

const run = (minute: number) =>
  makeRun({
    runId: `2026-01-01T00-${String(minute).padStart(2, '0')}-00-000Z-0000`,
    minute,
    tests: [makeTest({ title: 'adds', durationMs: 100 + minute })],
  });

const runIds = (project: TempProject) => listRunFiles(project.paths).map((file) => path.basename(file, '.json'));

describe('history parse', () => {
  it('reads export --out and import <file> [--if-present]', () => {
    expect(historyCommand.parse({ root: '/p', action: 'export', out: 'h.arrow' })).toEqual({
      root: '/p',
      action: 'export',
      out: 'h.arrow',
    });
    expect(historyCommand.parse({ root: '/p', action: 'import', file: 'h.arrow', 'if-present': true })).toEqual({
      root: '/p',
      action: 'import',
      file: 'h.arrow',
      ifPresent: true,
    });
  });

  it('needs --out to export, and no file', () => {
    expect(() => historyCommand.parse({ root: '/p', action: 'export' })).toThrow(
      'history export needs --out <file>\nExample: npx jest-perf history export --out perf-history.arrow',
    );
    expect(() => historyCommand.parse({ root: '/p', action: 'export', file: 'h.arrow' })).toThrow(
      "history export writes to --out, not to 'h.arrow'",
    );
  });

  it('needs a file to import, and no --out', () => {
    expect(() => historyCommand.parse({ root: '/p', action: 'import' })).toThrow(
      'history import needs the file to import\nExample: npx jest-perf history import perf-history.arrow',
    );
    expect(() => historyCommand.parse({ root: '/p', action: 'import', file: 'a', out: 'b' })).toThrow(
      '--out is for export',
    );
  });

  it('knows only export and import', () => {
    expect(() => historyCommand.parse({ root: '/p', action: 'show' })).toThrow('history needs export or import');
  });
});

describe('jest-perf history', () => {
  it('carries the runs of one project to another, whose history then holds them', async () => {
    ci.save(run(1), run(2));
    const file = path.join(local.root, 'perf-history.arrow');

    const exported = await cli(['history', 'export', '--out', file], ci.root);
    const imported = await cli(['history', 'import', 'perf-history.arrow'], local.root);

    expect(exported.code).toBe(0);
    expect(exported.out).toMatch(/^Exported 2 run\(s\) → .*perf-history\.arrow \(\d+\.\d KB\)$/);
    expect(imported).toEqual({
      code: 0,
      out: 'Imported 2 run(s) from perf-history.arrow.\nHistory: 2 run(s).',
      err: '',
    });
    expect(syncHistory(local.paths).history.runs.map((r) => r.runId)).toEqual([run(1).runId, run(2).runId]);
  });

  it('says which runs were here already and which the history size dropped', async () => {
    ci.save(run(1), run(2), run(3));
    local.save(run(3));
    local.write('jest-perf.config.json', JSON.stringify({ historySize: 2 }));
    await cli(['history', 'export', '--out', 'h.arrow'], ci.root);

    const result = await cli(['history', 'import', path.join(ci.root, 'h.arrow')], local.root);

    expect(result.code).toBe(0);
    expect(result.out).toContain('Imported 1 run(s) from');
    expect(result.out).toContain(', 1 already here; dropped the 1 oldest to keep historySize 2.');
    expect(runIds(local)).toEqual([run(2).runId, run(3).runId]);
  });

  it('exits 2 on a damaged file, saying what is wrong and how to fix it, and imports nothing', async () => {
    local.write('h.arrow', 'not an export');

    const result = await cli(['history', 'import', 'h.arrow'], local.root);

    expect(result.code).toBe(2);
    expect(result.err).toContain('jest-perf: history export is not a readable Arrow file');
    expect(result.err).toContain('Fix: export it again with `npx jest-perf history export --out <file>`');
    expect(runIds(local)).toEqual([]);
  });

  it('exits 2 on a missing file, and skips it with --if-present (the first CI run)', async () => {
    const missing = await cli(['history', 'import', 'h.arrow'], local.root);
    const skipped = await cli(['history', 'import', 'h.arrow', '--if-present'], local.root);

    expect(missing.code).toBe(2);
    expect(missing.err).toContain('Cannot read the history export');
    expect(skipped).toEqual({
      code: 0,
      out: 'No history to import (h.arrow does not exist yet): the history starts with this run.',
      err: '',
    });
  });

  it('names a run file it left out of the export', async () => {
    ci.save(run(1));
    ci.write('.jest-perf/runs/2026-01-02-broken.json', '{');

    const result = await cli(['history', 'export', '--out', 'h.arrow'], ci.root);

    expect(result.code).toBe(0);
    expect(result.err).toContain('jest-perf: left a run file out of the export: run file is not valid JSON');
    expect(result.out).toContain('Exported 1 run(s)');
    expect(fs.existsSync(path.join(ci.root, 'h.arrow'))).toBe(true);
  });
});
