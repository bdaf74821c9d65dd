import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as arrow from 'apache-arrow';
import { JestPerfError } from '../errors';
import { exportHistory, importHistory } from '../historyCarry';
import { encodeHistoryExport, HISTORY_EXPORT_KEY, readHistoryExport, zipRun } from '../historyExport';
import { syncHistory } from '../historySync';
import { type DataPaths, dataPaths } from '../paths';
import { listRunFiles, readRunFile, saveRun, serializeRun } from '../runStore';
import type { RunFile } from '../types';

let root: string;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-carry-'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

/** A data folder of its own under the temp root (a CI job's checkout). */
function project(name: string): DataPaths {
  return dataPaths({ rootDir: path.join(root, name), dataDir: '.jest-perf', baselinePath: '.jest-perf/baseline.json' });
}

/** A schema-valid run; `minute` orders the run ids (and start times) like real ones. */
function run(minute: number, durationMs = 100): RunFile {
  const startedAt = new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();
  const test = {
    id: 'a.test.ts › adds',
    file: 'a.test.ts',
    ancestorTitles: [],
    title: 'adds',
    durationMs,
    setupMs: 0,
    status: 'passed' as const,
    tags: [],
    retries: 0,
    worker: 1,
  };
  return {
    schemaVersion: 1,
    runId: `${startedAt.replace(/[:.]/g, '-')}-0000`,
    startedAt,
    endedAt: new Date(Date.UTC(2026, 0, 1, 0, minute, 30)).toISOString(),
    jestVersion: '30.5.2',
    nodeVersion: 'v20.0.0',
    machine: { platform: 'linux', arch: 'x64', cpuModel: 'cpu', cores: 2, totalMemoryMb: 1024 },
    git: { commit: `c${minute}`, branch: 'main' },
    shard: null,
    incomplete: false,
    incompleteReasons: [],
    slowTestMs: 30_000,
    tests: [test],
    files: [
      {
        path: 'a.test.ts',
        runtimeMs: durationMs + 50,
        setupMs: null,
        loadEnvironmentMs: null,
        hookMs: 0,
        tags: [],
        worker: 1,
        execError: false,
        hooks: [],
      },
    ],
    summary: {
      total: 1,
      passed: 1,
      failed: 0,
      skipped: 0,
      slowCount: 0,
      totalDurationMs: durationMs,
      averageDurationMs: durationMs,
      hookMs: 0,
      wallMs: durationMs + 100,
    },
    counters: {},
  };
}

const ids = (paths: DataPaths): string[] => listRunFiles(paths).map((file) => path.basename(file, '.json'));

/** An export file holding `runs` as they are (schema-valid or not). */
function writeExport(file: string, runs: { runId: string; startedAt: string; json: string }[]): string {
  const rows = runs.map((r) => ({ runId: r.runId, startedAt: r.startedAt, gzipped: zipRun(r.json) }));
  fs.writeFileSync(file, encodeHistoryExport(rows, new Date()));
  return file;
}

const asRow = (r: RunFile, json = serializeRun(r)) => ({ runId: r.runId, startedAt: r.startedAt, json });

/** An Arrow file with the export's columns and `metadata` as its schema metadata. */
function writeArrow(file: string, metadata: Map<string, string>, rows = 0): string {
  const plain = new arrow.Table({
    runId: arrow.vectorFromArray(
      Array.from({ length: rows }, (_, i) => `r${i}`),
      new arrow.Utf8(),
    ),
    startedAt: arrow.vectorFromArray(
      Array.from({ length: rows }, () => '2026-01-01T00:00:00.000Z'),
      new arrow.Utf8(),
    ),
    run: arrow.vectorFromArray(
      Array.from({ length: rows }, () => zipRun('{}')),
      new arrow.Binary(),
    ),
  });
  const schema = new arrow.Schema(plain.schema.fields, metadata);
  const table = new arrow.Table(
    schema,
    plain.batches.map((b) => new arrow.RecordBatch(schema, b.data)),
  );
  fs.writeFileSync(file, arrow.tableToIPC(table, 'file'));
  return file;
}

function importError(file: string, paths = project('target')): JestPerfError {
  try {
    importHistory(paths, file, 50);
  } catch (error) {
    if (error instanceof JestPerfError) return error;
    throw error;
  }
  throw new Error('importHistory did not throw');
}

describe('history export and import', () => {
  it('carries every run to another project byte for byte, and its history indexes them', () => {
    const ci = project('ci');
    const runs = [run(1, 100), run(2, 200), run(3, 300)];
    for (const r of runs) saveRun(ci, r, 50);
    const file = path.join(root, 'perf-history.arrow');

    const exported = exportHistory(ci, file, 50);
    const next = project('next');
    const result = importHistory(next, file, 50);

    expect(exported).toEqual({ runIds: runs.map((r) => r.runId), skipped: [] });
    expect(result).toEqual({ imported: runs.map((r) => r.runId), alreadyHere: [], pruned: [] });
    expect(listRunFiles(next).map((f) => readRunFile(f))).toEqual(runs);
    const { history } = syncHistory(next);
    expect(history.runs.map((r) => r.runId)).toEqual(runs.map((r) => r.runId));
    expect(Array.from(history.tests.get('a.test.ts › adds')?.durationsMs ?? [])).toEqual([100, 200, 300]);
  });

  it('merges with the local runs, keeping one copy of a run both hold (the local one)', () => {
    const ci = project('ci');
    const local = project('local');
    const shared = run(2);
    for (const r of [run(1), shared]) saveRun(ci, r, 50);
    for (const r of [shared, run(3)]) saveRun(local, r, 50);
    const localCopy = fs.readFileSync(path.join(local.runsDir, `${shared.runId}.json`));
    const file = path.join(root, 'h.arrow');
    exportHistory(ci, file, 50);

    const first = importHistory(local, file, 50);
    const again = importHistory(local, file, 50);

    expect(first).toEqual({ imported: [run(1).runId], alreadyHere: [shared.runId], pruned: [] });
    expect(again).toEqual({ imported: [], alreadyHere: [run(1).runId, shared.runId], pruned: [] });
    expect(ids(local)).toEqual([run(1), run(2), run(3)].map((r) => r.runId));
    expect(fs.readFileSync(path.join(local.runsDir, `${shared.runId}.json`))).toEqual(localCopy);
  });

  it('keeps the newest historySize runs, imported or local', () => {
    const ci = project('ci');
    const local = project('local');
    for (const minute of [1, 2, 5]) saveRun(ci, run(minute), 50);
    for (const minute of [3, 4]) saveRun(local, run(minute), 50);
    const file = path.join(root, 'h.arrow');
    exportHistory(ci, file, 50);

    const result = importHistory(local, file, 3);

    expect(ids(local)).toEqual([3, 4, 5].map((m) => run(m).runId));
    expect(result).toEqual({ imported: [run(5).runId], alreadyHere: [], pruned: [1, 2].map((m) => run(m).runId) });
  });

  it('exports only the newest historySize runs', () => {
    const ci = project('ci');
    for (const minute of [1, 2, 3]) saveRun(ci, run(minute), 50);
    const file = path.join(root, 'h.arrow');

    expect(exportHistory(ci, file, 2).runIds).toEqual([run(2).runId, run(3).runId]);
    expect(readHistoryExport(file).runs.map((r) => r.runId)).toEqual([run(2).runId, run(3).runId]);
  });

  it('leaves an unreadable run file out of the export and names it', () => {
    const ci = project('ci');
    saveRun(ci, run(1), 50);
    fs.writeFileSync(path.join(ci.runsDir, 'zz-broken.json'), '{"half');
    const file = path.join(root, 'h.arrow');

    const result = exportHistory(ci, file, 50);

    expect(result.runIds).toEqual([run(1).runId]);
    expect(result.skipped).toEqual([expect.stringContaining('run file is not valid JSON')]);
  });

  it('writes and reads an empty export (a project with no run yet)', () => {
    const file = path.join(root, 'h.arrow');
    expect(exportHistory(project('empty'), file, 50)).toEqual({ runIds: [], skipped: [] });
    expect(importHistory(project('target'), file, 50)).toEqual({ imported: [], alreadyHere: [], pruned: [] });
  });

  it('is much smaller than the run files it holds', () => {
    const ci = project('ci');
    const big = run(1);
    big.tests = Array.from({ length: 500 }, (_, i) => ({
      ...big.tests[0]!,
      id: `a.test.ts › case ${i}`,
      title: `case ${i}`,
    }));
    big.summary = { ...big.summary, total: 500, passed: 500 };
    saveRun(ci, big, 50);
    const file = path.join(root, 'h.arrow');
    exportHistory(ci, file, 50);
    expect(fs.statSync(file).size * 5).toBeLessThan(serializeRun(big).length);
  });
});

describe('history import of a damaged or foreign file', () => {
  it('refuses a missing file, saying how to skip it', () => {
    const error = importError(path.join(root, 'nope.arrow'));
    expect(error.code).toBe('JEST_PERF_FILE_MISSING');
    expect(error.message).toContain('--if-present');
  });

  it('refuses a file cut short', () => {
    const ci = project('ci');
    saveRun(ci, run(1), 50);
    const file = path.join(root, 'h.arrow');
    exportHistory(ci, file, 50);
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(file, bytes.subarray(0, bytes.length - 40));
    const error = importError(file);
    expect(error.code).toBe('JEST_PERF_FILE_CORRUPT');
    expect(error.message).toMatch(/not a readable Arrow file[\s\S]*Fix: export it again/);
  });

  it('refuses a file that is not Arrow at all, or empty', () => {
    const json = path.join(root, 'h.json');
    fs.writeFileSync(json, '{"runs": []}');
    expect(importError(json).message).toContain('not a readable Arrow file (damaged, cut short, or some other file)');
    const empty = path.join(root, 'empty.arrow');
    fs.writeFileSync(empty, '');
    expect(importError(empty).message).toMatch(/not a jest-perf history export: it has no 'jest-perf:history-export'/);
  });

  it('names the local index when handed history.arrow instead of an export', () => {
    const ci = project('ci');
    saveRun(ci, run(1), 50);
    syncHistory(ci);
    const error = importError(ci.history);
    expect(error.code).toBe('JEST_PERF_FILE_INVALID');
    expect(error.message).toContain('it looks like .jest-perf/history.arrow');
    expect(error.message).toContain('Fix: pass a file written by `npx jest-perf history export --out <file>`');
  });

  it('refuses a header that is not JSON, or not ours', () => {
    const notJson = writeArrow(path.join(root, 'a.arrow'), new Map([[HISTORY_EXPORT_KEY, '{']]));
    expect(importError(notJson).message).toContain('header is not valid JSON');
    const header = { format: 'other', version: 1, exportedAt: '2026-01-01T00:00:00Z', runs: 0 };
    const foreign = writeArrow(path.join(root, 'b.arrow'), new Map([[HISTORY_EXPORT_KEY, JSON.stringify(header)]]));
    expect(importError(foreign).message).toContain('Invalid history export header: field /format');
  });

  it('refuses a newer version, saying to upgrade', () => {
    const header = { format: 'jest-perf-history', version: 2, exportedAt: '2026-01-01T00:00:00Z', runs: 0 };
    const file = writeArrow(path.join(root, 'h.arrow'), new Map([[HISTORY_EXPORT_KEY, JSON.stringify(header)]]));
    const error = importError(file);
    expect(error.code).toBe('JEST_PERF_VERSION_UNSUPPORTED');
    expect(error.message).toContain('upgrade the @jest-perf packages');
  });

  it('refuses a file whose rows disagree with its header', () => {
    const header = { format: 'jest-perf-history', version: 1, exportedAt: '2026-01-01T00:00:00Z', runs: 3 };
    const file = writeArrow(path.join(root, 'h.arrow'), new Map([[HISTORY_EXPORT_KEY, JSON.stringify(header)]]), 2);
    expect(importError(file).message).toContain('holds 2 run(s) where its header says 3');
  });

  it('refuses a file without the run column', () => {
    const header = { format: 'jest-perf-history', version: 1, exportedAt: '2026-01-01T00:00:00Z', runs: 0 };
    const table = new arrow.Table({ runId: arrow.vectorFromArray([] as string[], new arrow.Utf8()) });
    const schema = new arrow.Schema(table.schema.fields, new Map([[HISTORY_EXPORT_KEY, JSON.stringify(header)]]));
    const file = path.join(root, 'h.arrow');
    fs.writeFileSync(
      file,
      arrow.tableToIPC(
        new arrow.Table(
          schema,
          table.batches.map((b) => new arrow.RecordBatch(schema, b.data)),
        ),
        'file',
      ),
    );
    expect(importError(file).message).toContain('has no startedAt column');
  });

  it('refuses a run whose data is damaged, writing nothing', () => {
    const good = run(1);
    const rows = [
      { runId: good.runId, startedAt: good.startedAt, gzipped: zipRun(serializeRun(good)) },
      { runId: run(2).runId, startedAt: run(2).startedAt, gzipped: Uint8Array.from([1, 2, 3]) },
    ];
    const file = path.join(root, 'h.arrow');
    fs.writeFileSync(file, encodeHistoryExport(rows, new Date()));
    const target = project('target');
    expect(importError(file, target).message).toContain(`the data of run ${run(2).runId} is damaged`);
    expect(ids(target)).toEqual([]);
  });

  it('refuses a run that is not JSON, or not a valid run file, naming the run and field', () => {
    const r = run(1);
    const notJson = writeExport(path.join(root, 'a.arrow'), [asRow(r, '{"half')]);
    expect(importError(notJson).message).toContain(`run ${r.runId} of the history export is not valid JSON`);
    const bad = writeExport(path.join(root, 'b.arrow'), [asRow(r, JSON.stringify({ ...r, tests: 'no' }))]);
    expect(importError(bad).message).toContain(`Invalid run ${r.runId} of the history export: field /tests`);
    const senseless = { ...r, summary: { ...r.summary, total: 7 } };
    const meaning = writeExport(path.join(root, 'c.arrow'), [asRow(r, JSON.stringify(senseless))]);
    expect(importError(meaning).message).toContain('field /summary/total is 7 but the run lists 1 tests');
  });

  it('refuses a row whose id is not its run’s (it names the file written)', () => {
    const r = run(1);
    const file = writeExport(path.join(root, 'h.arrow'), [{ ...asRow(r), runId: 'other' }]);
    expect(importError(file).message).toContain(`run other of the history export holds run ${r.runId}`);
  });

  it('refuses a run id that would be a hidden file in runs/', () => {
    const r = { ...run(1), runId: '.hidden' };
    const file = writeExport(path.join(root, 'h.arrow'), [asRow(r)]);
    expect(importError(file).message).toContain("a run id may not start with '.'");
  });

  it('refuses a run held twice', () => {
    const r = run(1);
    const file = writeExport(path.join(root, 'h.arrow'), [asRow(r), asRow(r)]);
    expect(importError(file).message).toContain(`holds run ${r.runId} twice`);
  });
});
