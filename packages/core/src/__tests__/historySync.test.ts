import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readHistory } from '../history';
import { syncHistory } from '../historySync';
import { type DataPaths, dataPaths } from '../paths';
import { saveRun } from '../runStore';
import type { RunFile } from '../types';

let root: string;
let paths: DataPaths;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-sync-'));
  paths = dataPaths({ rootDir: root, dataDir: '.jest-perf', baselinePath: '.jest-perf/baseline.json' });
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

function run(runId: string, durationMs: number): RunFile {
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
    runId,
    startedAt: '2026-01-01T00:00:00.000Z',
    endedAt: '2026-01-01T00:00:01.000Z',
    jestVersion: '30.5.2',
    nodeVersion: 'v20.0.0',
    machine: { platform: 'linux', arch: 'x64', cpuModel: 'cpu', cores: 2, totalMemoryMb: 1024 },
    git: { commit: `c-${runId}`, branch: 'main' },
    shard: null,
    incomplete: false,
    incompleteReasons: [],
    slowTestMs: 30_000,
    tests: [test],
    files: [],
    summary: {
      total: 1,
      passed: 1,
      failed: 0,
      skipped: 0,
      slowCount: 0,
      totalDurationMs: durationMs,
      averageDurationMs: durationMs,
      hookMs: 0,
      wallMs: 1000,
    },
    counters: {},
  };
}

const ID = (n: number) => `2026-01-01T00-00-0${n}-000Z-aaaa`;
const series = (history: ReturnType<typeof readHistory>) =>
  Array.from(history.tests.get('a.test.ts › adds')?.durationsMs ?? []);

describe('syncHistory', () => {
  it('builds the history from the run files on first read, oldest first', () => {
    saveRun(paths, run(ID(2), 20), 10);
    saveRun(paths, run(ID(1), 10), 10);

    const { history, recovered, skipped } = syncHistory(paths);

    expect(history.runs.map((r) => r.runId)).toEqual([ID(1), ID(2)]);
    expect(series(history)).toEqual([10, 20]);
    expect(history.runs[0]?.commit).toBe(`c-${ID(1)}`);
    expect({ recovered, skipped }).toEqual({ recovered: null, skipped: [] });
    expect(readHistory(paths.history)).toEqual(history);
    expect(history.sources?.size).toBe(2);
  });

  it('adds new runs and drops runs whose files were pruned', () => {
    for (const n of [1, 2]) saveRun(paths, run(ID(n), n * 10), 2);
    syncHistory(paths);
    saveRun(paths, run(ID(3), 30), 2);

    const { history } = syncHistory(paths);

    expect(history.runs.map((r) => r.runId)).toEqual([ID(2), ID(3)]);
    expect(series(history)).toEqual([20, 30]);
  });

  it('does not rewrite an up-to-date history', () => {
    saveRun(paths, run(ID(1), 10), 10);
    syncHistory(paths);
    const before = fs.statSync(paths.history).mtimeMs;
    fs.utimesSync(paths.history, new Date(0), new Date(0));

    syncHistory(paths);

    expect(fs.statSync(paths.history).mtimeMs).toBe(0);
    expect(before).toBeGreaterThan(0);
  });

  it('moves a corrupt history aside and rebuilds it from the run files: nothing is lost', () => {
    saveRun(paths, run(ID(1), 10), 10);
    fs.writeFileSync(paths.history, 'half-written garbage');

    const { history, recovered } = syncHistory(paths);

    expect(recovered).toMatch(/history\.arrow\.corrupt-\d+$/);
    expect(fs.readFileSync(recovered ?? '', 'utf8')).toBe('half-written garbage');
    expect(series(history)).toEqual([10]);
  });

  it('skips a corrupt run file and names it', () => {
    saveRun(paths, run(ID(1), 10), 10);
    fs.writeFileSync(path.join(paths.runsDir, `${ID(2)}.json`), '{"half');

    const { history, skipped } = syncHistory(paths);

    expect(history.runs.map((r) => r.runId)).toEqual([ID(1)]);
    expect(skipped).toHaveLength(1);
    expect(skipped[0]).toContain('not valid JSON');
  });

  it('re-reads a run file edited after it was indexed, even when its size did not change', () => {
    saveRun(paths, run(ID(1), 10), 10);
    saveRun(paths, run(ID(2), 20), 10);
    expect(series(syncHistory(paths).history)).toEqual([10, 20]);
    const file = path.join(paths.runsDir, `${ID(2)}.json`);
    const edited = fs.readFileSync(file, 'utf8').replaceAll('"durationMs":20', '"durationMs":90');
    fs.writeFileSync(file, edited);
    // A coarse clock or a copy that keeps times must not hide the edit: set the time to something else.
    fs.utimesSync(file, new Date(2_000_000_000_000), new Date(2_000_000_000_000));

    expect(series(syncHistory(paths).history)).toEqual([10, 90]);
    expect(series(readHistory(paths.history))).toEqual([10, 90]);
  });

  it('re-reads a run file replaced by one of another size', () => {
    saveRun(paths, run(ID(1), 10), 10);
    syncHistory(paths);
    const file = path.join(paths.runsDir, `${ID(1)}.json`);
    fs.writeFileSync(file, `${JSON.stringify(run(ID(1), 12.5), null, 2)}\n`);

    expect(series(syncHistory(paths).history)).toEqual([12.5]);
  });

  it('keeps non-ASCII test ids and files exactly, whether written plainly or as \\u escapes', () => {
    const id = 'ünïcode/äb.test.ts › grüße › 日本語 🚀';
    const withTitle = (runId: string, durationMs: number): RunFile => {
      const base = run(runId, durationMs);
      return { ...base, tests: base.tests.map((test) => ({ ...test, id, file: 'ünïcode/äb.test.ts' })) };
    };
    saveRun(paths, withTitle(ID(1), 10), 10);
    syncHistory(paths);
    // The second run's file escapes every non-ASCII character, as some tools write JSON.
    const escaped = JSON.stringify(withTitle(ID(2), 20)).replace(
      /[\u0080-\uffff]/g,
      (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
    fs.writeFileSync(path.join(paths.runsDir, `${ID(2)}.json`), escaped);
    saveRun(paths, withTitle(ID(3), 30), 10);

    const { history } = syncHistory(paths);

    expect([...history.tests.keys()]).toEqual([id]);
    expect(history.tests.get(id)?.file).toBe('ünïcode/äb.test.ts');
    expect(Array.from(history.tests.get(id)?.durationsMs ?? [])).toEqual([10, 20, 30]);
    expect(readHistory(paths.history)).toEqual(history);
  });

  it('is an empty history when nothing was tracked', () => {
    expect(syncHistory(paths).history.runs).toEqual([]);
  });
});
