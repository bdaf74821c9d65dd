/**
 * Property-based fuzzing of every reader of jest-perf's own files (run file, baseline, history index
 * and the run files it is rebuilt from, config, flaky report): whatever the file holds, the reader
 * returns or throws the documented JestPerfError with a code — never a TypeError, RangeError or hang.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CONFIG_FILE,
  dataPaths,
  loadConfig,
  readFlakyReport,
  readHistory,
  readRunFile,
  saveRun,
  syncHistory,
} from '@jest-perf/core';
import { buildBaseline, readBaseline, writeBaseline } from '@jest-perf/regression';
import fc from 'fast-check';
import { makeRun, makeTest } from '../../../report/src/__tests__/helpers/runs';
import { expectOnlyDocumentedErrors, fileContents, fuzzParameters } from './helpers/fuzz';

let root: string;
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-fuzz-'));
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const RUN = makeRun({
  tests: [
    makeTest({ title: 'loads', durationMs: 120, tags: ['slow'] }),
    makeTest({ file: 'src/b.test.ts', ancestorTitles: ['group'], title: 'fails', durationMs: 5, status: 'failed' }),
  ],
  counters: { llmMock: { calls: 2 } },
});
const CONFIG = { slowTestMs: 1000, historySize: 20, dataDir: '.jest-perf', regression: { minSamples: 3 } };
const FLAKY = {
  schemaVersion: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  runs: 3,
  seed: 7,
  tests: [{ id: 'a › b', file: 'src/a.test.ts', passed: 2, failed: 1, status: 'flaky' }],
};

/** Writes `content` to a fresh file and returns its path. */
function fileWith(name: string, content: string | Uint8Array): string {
  const dir = fs.mkdtempSync(path.join(root, 'case-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

describe('fuzzed readers (fast-check)', () => {
  it('readRunFile returns or throws a JestPerfError', () => {
    fc.assert(
      fc.property(fileContents(RUN), (content) => {
        expectOnlyDocumentedErrors(() => readRunFile(fileWith('run.json', content)));
      }),
      fuzzParameters(),
    );
  });

  it('readBaseline returns or throws a JestPerfError', () => {
    const file = path.join(root, 'valid-baseline.json');
    writeBaseline(file, buildBaseline([RUN, RUN, RUN], loadConfig(root)));
    const valid = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
    fc.assert(
      fc.property(fileContents(valid), (content) => {
        expectOnlyDocumentedErrors(() => readBaseline(fileWith('baseline.json', content)));
      }),
      fuzzParameters(),
    );
  });

  it('loadConfig returns or throws a JestPerfError', () => {
    fc.assert(
      fc.property(fileContents(CONFIG), (content) => {
        const file = fileWith(CONFIG_FILE, content);
        expectOnlyDocumentedErrors(() => loadConfig(path.dirname(file)));
      }),
      fuzzParameters(),
    );
  });

  it('readFlakyReport returns or throws a JestPerfError', () => {
    fc.assert(
      fc.property(fileContents(FLAKY), (content) => {
        expectOnlyDocumentedErrors(() => readFlakyReport(fileWith('flaky.json', content)));
      }),
      fuzzParameters(),
    );
  });

  it('readHistory returns or throws a JestPerfError on damaged Arrow bytes', () => {
    const project = fs.mkdtempSync(path.join(root, 'history-'));
    const paths = dataPaths({ rootDir: project, dataDir: '.jest-perf', baselinePath: 'baseline.json' });
    saveRun(paths, RUN, 10);
    syncHistory(paths);
    const valid = fs.readFileSync(paths.history);
    const damaged = fc.oneof(
      fc.nat({ max: valid.length }).map((n) => valid.subarray(0, n)),
      fc.tuple(fc.nat({ max: valid.length - 1 }), fc.integer({ min: 1, max: 255 })).map(([at, xor]) => {
        const copy = Buffer.from(valid);
        copy[at] = (copy[at] ?? 0) ^ xor;
        return copy;
      }),
      fc.uint8Array({ maxLength: 300 }),
      // a count or length made huge: apache-arrow once allocated gigabytes for these (V8 out-of-memory)
      fc.tuple(fc.nat({ max: valid.length - 4 }), fc.constantFrom(0x7fff_fff0, -1, 0x1000_0000)).map(([at, n]) => {
        const copy = Buffer.from(valid);
        copy.writeInt32LE(n, at);
        return copy;
      }),
    );
    fc.assert(
      fc.property(damaged, (bytes) => {
        expectOnlyDocumentedErrors(() => readHistory(fileWith('history.arrow', bytes)));
      }),
      fuzzParameters(),
    );
  });

  it('syncHistory (the history index) survives any run file in runs/', () => {
    fc.assert(
      fc.property(fileContents(RUN), (content) => {
        const project = fs.mkdtempSync(path.join(root, 'sync-'));
        const paths = dataPaths({ rootDir: project, dataDir: '.jest-perf', baselinePath: 'baseline.json' });
        saveRun(paths, RUN, 10);
        fs.writeFileSync(path.join(paths.runsDir, '2026-02-01T00-00-00-000Z-fuzz.json'), content);
        expectOnlyDocumentedErrors(() => syncHistory(paths));
      }),
      fuzzParameters(30),
    );
  });
});
