import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { JestPerfError } from '@jest-perf/core';
import { runOf } from '../../../report/src/__tests__/helpers/runs';
import { rerunFiles, resolveJestBin } from '../jest/rerunFiles';

let root: string;
beforeEach(() => {
  root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-cli-')));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

/** Logs what it was given, then writes $FAKE_RUN where the reporter would: $JEST_PERF_OUTPUT. */
const FAKE_JEST = `
const fs = require('node:fs');
const seen = { argv: process.argv.slice(2), cwd: process.cwd(), tracking: process.env.JEST_PERF, output: process.env.JEST_PERF_OUTPUT };
fs.appendFileSync(process.env.FAKE_LOG, JSON.stringify(seen) + '\\n');
fs.copyFileSync(process.env.FAKE_RUN, process.env.JEST_PERF_OUTPUT);
`;

interface Seen {
  argv: string[];
  cwd: string;
  tracking: string;
  output: string;
}

function errorOf(fn: () => unknown): JestPerfError {
  try {
    fn();
  } catch (error) {
    return error as JestPerfError;
  }
  throw new Error('expected an error');
}

describe('rerunFiles', () => {
  it('runs Jest on the files K times, tracked into side run files it cleans up', () => {
    const jestBin = path.join(root, 'jest.js');
    fs.writeFileSync(jestBin, FAKE_JEST);
    const log = path.join(root, 'log.jsonl');
    const fakeRun = path.join(root, 'run.json');
    fs.writeFileSync(fakeRun, JSON.stringify(runOf({ a: 120 }, { runId: 'rerun' })));
    const progress: number[] = [];

    const runs = rerunFiles({
      rootDir: root,
      files: ['src/a.test.ts', 'src/b.test.ts'],
      times: 2,
      jestBin,
      jestArgs: ['--maxWorkers=1'],
      env: { FAKE_LOG: log, FAKE_RUN: fakeRun },
      onRerun: (i) => progress.push(i),
    });

    expect(runs.map((run) => run.runId)).toEqual(['rerun', 'rerun']);
    expect(progress).toEqual([1, 2]);
    const seen = fs
      .readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Seen);
    expect(seen.map((s) => s.argv)).toEqual([
      ['--ci', '--maxWorkers=1', '--runTestsByPath', 'src/a.test.ts', 'src/b.test.ts'],
      ['--ci', '--maxWorkers=1', '--runTestsByPath', 'src/a.test.ts', 'src/b.test.ts'],
    ]);
    expect(seen.map((s) => [s.cwd, s.tracking])).toEqual([
      [root, '1'],
      [root, '1'],
    ]);
    expect(seen[0]?.output).not.toBe(seen[1]?.output);
    expect(fs.existsSync(path.dirname(seen[0]?.output ?? root))).toBe(false);
  });

  it('fails with JEST_PERF_NO_RUN_DATA and the tail of Jest’s stderr when no run file appears', () => {
    const jestBin = path.join(root, 'jest.js');
    fs.writeFileSync(jestBin, "for (let i = 1; i <= 8; i++) console.error('line ' + i); process.exit(1);");

    const error = errorOf(() => rerunFiles({ rootDir: root, files: ['a.test.ts'], times: 3, jestBin, env: {} }));

    expect(error.code).toBe('JEST_PERF_NO_RUN_DATA');
    expect(error.message).toContain('rerun 1 wrote no run file (Jest exit 1)');
    expect(error.message).toContain('Jest said:\n  line 4\n  line 5\n  line 6\n  line 7\n  line 8');
    expect(error.message).not.toContain('line 3');
  });
});

describe('resolveJestBin', () => {
  it("finds Jest's bin through Jest 30's exports map from a project that only inherits jest", () => {
    const bin = resolveJestBin(path.resolve(__dirname, '../../../../examples/clinical-analytics'));
    expect(bin).toMatch(/jest[/\\]bin[/\\]jest\.js$/);
  });

  it('says how to point at Jest when it cannot find it from the project', () => {
    const notFound = () => {
      throw new Error('Cannot find module');
    };

    const error = errorOf(() => resolveJestBin(root, notFound));

    expect(error.code).toBe('JEST_PERF_USAGE');
    expect(error.message).toContain(`cannot find Jest from ${root}`);
    expect(error.message).toContain('pass --jest-bin path/to/jest.js');
  });

  it('falls back to the file path for a Jest without an exports map', () => {
    const seen: string[] = [];
    const resolve = (request: string) => {
      seen.push(request);
      if (request === 'jest/bin/jest') throw new Error('not exported');
      return `/old/${request}`;
    };

    expect(resolveJestBin(root, resolve)).toBe('/old/jest/bin/jest.js');
    expect(seen).toEqual(['jest/bin/jest', 'jest/bin/jest.js']);
  });
});
