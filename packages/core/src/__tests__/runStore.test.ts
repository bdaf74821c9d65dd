import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { JestPerfError } from '../errors';
import { type DataPaths, dataPaths } from '../paths';
import { encodeRun, listRunFiles, newRunId, readLatestRun, readRunFile, saveRun, serializeRun } from '../runStore';
import type { RunFile } from '../types';

let root: string;
let paths: DataPaths;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-'));
  paths = dataPaths({ rootDir: root, dataDir: '.jest-perf', baselinePath: '.jest-perf/baseline.json' });
});

afterEach(() => {
  jest.restoreAllMocks();
  fs.rmSync(root, { recursive: true, force: true });
});

function runFile(runId: string, durationMs = 10): RunFile {
  return {
    schemaVersion: 1,
    runId,
    startedAt: '2026-01-01T00:00:00.000Z',
    endedAt: '2026-01-01T00:00:01.000Z',
    jestVersion: '30.5.2',
    nodeVersion: 'v20.0.0',
    machine: { platform: 'linux', arch: 'x64', cpuModel: 'cpu', cores: 2, totalMemoryMb: 1024 },
    git: { commit: 'abc', branch: 'main' },
    shard: null,
    incomplete: false,
    incompleteReasons: [],
    slowTestMs: 30_000,
    tests: [
      {
        id: 'a.test.ts › adds',
        file: 'a.test.ts',
        ancestorTitles: [],
        title: 'adds',
        durationMs,
        setupMs: 0,
        status: 'passed',
        tags: [],
        retries: 0,
        worker: 1,
      },
    ],
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

function catchError(fn: () => unknown): JestPerfError {
  try {
    fn();
  } catch (error) {
    if (error instanceof JestPerfError) return error;
    throw error;
  }
  throw new Error('expected a JestPerfError, nothing was thrown');
}

describe('encodeRun', () => {
  const utf8 = (text: string) => Buffer.from(text, 'utf8');

  it("joins the tests' bytes encoded earlier into exactly serializeRun's text, as UTF-8", () => {
    const run = { ...runFile('2026-01-01T00-00-00-000Z-aaaa'), load: undefined } as RunFile;
    run.tests.push({ ...run.tests[0]!, id: 'a.test.ts › subtracts "quoted" ✓', title: 'subtracts "quoted" ✓' });
    const pieces = [utf8(JSON.stringify(run.tests[0])), utf8(JSON.stringify(run.tests[1]))];

    expect(encodeRun(run, pieces).toString('utf8')).toBe(serializeRun(run));
    expect(encodeRun({ ...run, tests: [] }, []).toString('utf8')).toBe(serializeRun({ ...run, tests: [] }));
  });

  it('writes the given bytes in place of run.tests (the caller keeps them the same)', () => {
    const run = runFile('2026-01-01T00-00-00-000Z-aaaa');

    expect(JSON.parse(encodeRun(run, []).toString('utf8')).tests).toEqual([]);
  });
});

describe('saveRun', () => {
  it('writes the tests JSON it is given, built while the run went on', () => {
    const run = runFile('2026-01-01T00-00-00-000Z-aaaa');
    const testsJson = [Buffer.from(JSON.stringify(run.tests).slice(1, -1), 'utf8')];

    saveRun(paths, run, 10, testsJson);

    expect(fs.readFileSync(paths.latest, 'utf8')).toBe(`${JSON.stringify(run)}\n`);
  });

  it('writes runs/<runId>.json and latest.json, and leaves the history index to syncHistory', () => {
    const run = runFile('2026-01-01T00-00-00-000Z-aaaa');

    const saved = saveRun(paths, run, 10);

    expect(saved).toEqual({ runFile: path.join(paths.runsDir, `${run.runId}.json`) });
    expect(readRunFile(saved.runFile)).toEqual(run);
    expect(readRunFile(paths.latest)).toEqual(run);
    expect(fs.existsSync(paths.history)).toBe(false);
  });

  it('writes the run once as compact JSON, the same text in both files', () => {
    const run = runFile('2026-01-01T00-00-00-000Z-aaaa');

    const saved = saveRun(paths, run, 10);

    const text = fs.readFileSync(saved.runFile, 'utf8');
    expect(text).toBe(`${JSON.stringify(run)}\n`);
    expect(fs.readFileSync(paths.latest, 'utf8')).toBe(text);
  });

  it('keeps only the newest historySize run files', () => {
    const ids = ['2026-01-01T00-00-01-000Z-aaaa', '2026-01-01T00-00-02-000Z-aaaa', '2026-01-01T00-00-03-000Z-aaaa'];

    for (const id of ids) saveRun(paths, runFile(id), 2);

    expect(listRunFiles(paths)).toEqual([ids[1], ids[2]].map((id) => path.join(paths.runsDir, `${id}.json`)));
    expect(readLatestRun(paths).runId).toBe(ids[2]);
  });

  function saveError(run: RunFile): JestPerfError {
    try {
      saveRun(paths, run, 10);
    } catch (error) {
      if (error instanceof JestPerfError) return error;
      throw error;
    }
    throw new Error('expected saveRun to throw');
  }

  it('says runs/ is a file and how to fix it, and keeps the run beside it', () => {
    fs.mkdirSync(paths.dataDir, { recursive: true });
    fs.writeFileSync(paths.runsDir, 'not a folder');
    const run = runFile('2026-01-01T00-00-00-000Z-aaaa');

    const error = saveError(run);

    const kept = path.join(paths.dataDir, `run-${run.runId}.json`);
    expect(error.code).toBe('JEST_PERF_FILE_INVALID');
    expect(error.file).toBe(paths.runsDir);
    expect(error.message).toContain('is a file, where jest-perf keeps its run files (a folder)');
    expect(error.fix).toContain(`the run was saved to ${kept}`);
    expect(readRunFile(kept)).toEqual(run);
    expect(readRunFile(paths.latest)).toEqual(run);
  });

  it('says latest.json is a folder and how to fix it, the run saved in runs/', () => {
    fs.mkdirSync(paths.latest, { recursive: true });
    const run = runFile('2026-01-01T00-00-00-000Z-aaaa');

    const error = saveError(run);

    const saved = path.join(paths.runsDir, `${run.runId}.json`);
    expect(error.code).toBe('JEST_PERF_FILE_INVALID');
    expect(error.file).toBe(paths.latest);
    expect(error.message).toContain('is a folder, where jest-perf writes the latest run (a file)');
    expect(error.fix).toContain(`the run was saved to ${saved}`);
    expect(readRunFile(saved)).toEqual(run);
  });

  it('writes the run even when the history is corrupt (it never reads the history)', () => {
    fs.mkdirSync(paths.dataDir, { recursive: true });
    fs.writeFileSync(paths.history, 'half-written garbage');
    const run = runFile('2026-01-01T00-00-00-000Z-aaaa');

    saveRun(paths, run, 10);

    expect(readLatestRun(paths)).toEqual(run);
    expect(fs.readFileSync(paths.history, 'utf8')).toBe('half-written garbage');
  });
});

describe('readLatestRun', () => {
  it('says there is no run data, and how to get some, before the first tracked run', () => {
    const error = catchError(() => readLatestRun(paths));

    expect(error.code).toBe('JEST_PERF_NO_RUN_DATA');
    expect(error.file).toBe(paths.latest);
    expect(error.message).toContain('npx jest-perf track');
    expect(error.message).not.toContain('pnpm perf:');
  });

  it("reads back a Jest 29 run, whose files' setup and environment times were not measured (null)", () => {
    const file = {
      path: 'a.test.ts',
      runtimeMs: 5,
      setupMs: null,
      loadEnvironmentMs: null,
      hookMs: 0,
      tags: [],
      worker: 1,
      execError: false,
      hooks: [],
    };
    const run = { ...runFile('jest29'), jestVersion: '29.7.0', files: [file] };

    saveRun(paths, run, 10);

    expect(readLatestRun(paths).files[0]).toEqual(file);
  });

  it('rejects a latest.json that does not match the run file schema, naming the field', () => {
    fs.mkdirSync(paths.dataDir, { recursive: true });
    fs.writeFileSync(paths.latest, JSON.stringify({ ...runFile('r'), runId: 'bad/id' }));

    const error = catchError(() => readLatestRun(paths));

    expect(error.code).toBe('JEST_PERF_FILE_INVALID');
    expect(error.message).toContain('field /runId must match pattern');
    expect(error.message).toContain(paths.latest);
  });
});

describe('listRunFiles', () => {
  it('returns nothing when no run was saved', () => {
    expect(listRunFiles(paths)).toEqual([]);
  });

  it('lists run files oldest first, ignoring temp files and other files', () => {
    fs.mkdirSync(paths.runsDir, { recursive: true });
    for (const name of ['b.json', 'a.json', '.c.json.123.1.tmp', '.hidden.json', 'notes.txt']) {
      fs.writeFileSync(path.join(paths.runsDir, name), '{}');
    }

    expect(listRunFiles(paths)).toEqual([path.join(paths.runsDir, 'a.json'), path.join(paths.runsDir, 'b.json')]);
  });
});

describe('newRunId', () => {
  it('starts with the UTC time, file-name safe', () => {
    const id = newRunId(new Date('2026-11-24T11:07:35.123Z'));

    expect(id).toMatch(/^2026-11-24T11-07-35-123Z-[0-9a-f]+$/);
    expect(id).toMatch(/^[A-Za-z0-9._-]+$/);
  });

  it('sorts run ids in time order', () => {
    const dates = ['2026-11-24T11:07:35.123Z', '2026-11-24T09:59:59.999Z', '2027-01-01T00:00:00.000Z'];

    const sorted = dates.map((d) => newRunId(new Date(d))).sort();

    expect(sorted.map((id) => id.slice(0, 24))).toEqual([
      '2026-11-24T09-59-59-999Z',
      '2026-11-24T11-07-35-123Z',
      '2027-01-01T00-00-00-000Z',
    ]);
  });

  it('gives different ids to runs started in the same millisecond', () => {
    const now = new Date('2026-11-24T11:07:35.123Z');
    jest.spyOn(Math, 'random').mockReturnValueOnce(0.1).mockReturnValueOnce(0.2);

    const ids = [newRunId(now), newRunId(now)];

    expect(ids).toEqual(['2026-11-24T11-07-35-123Z-1999', '2026-11-24T11-07-35-123Z-3333']);
  });
});
