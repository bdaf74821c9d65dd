import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ts from 'typescript';
import { cleanupTmpDirs, tmpDir } from '../tmpDir';

// The cleanup runs between tests, so these tests check what an earlier test left behind: they depend on
// their order on purpose (Jest runs a file's tests in order).
let fileDir: string;
let previousTestDir: string | undefined;

beforeAll(() => {
  fileDir = tmpDir({ name: 'file' });
});

describe('tmpDir in a Jest test file', () => {
  it('gives the test an empty folder under os.tmpdir(), named after the worker and the test', () => {
    const dir = tmpDir();
    // jest-perf-audit-allow shared-module-state: read by the next test, which checks the cleanup
    previousTestDir = dir;

    expect(path.dirname(dir)).toBe(os.tmpdir());
    expect(path.basename(dir)).toMatch(
      new RegExp(
        `^jest-perf-w${process.env.JEST_WORKER_ID}-tmpdir-in-a-jest-test-file-gives-the-test-an-empty-folder-un-[A-Za-z0-9]{6}$`,
      ),
    );
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it("has removed the previous test's folder, and keeps the beforeAll folder for the whole file", () => {
    expect(previousTestDir).toBeDefined();
    expect(fs.existsSync(previousTestDir as string)).toBe(false);
    expect(fs.existsSync(fileDir)).toBe(true);
    expect(path.basename(fileDir)).toMatch(/-tmpdir-test-file-[A-Za-z0-9]{6}$/);
  });

  it('cleanupTmpDirs() removes the folders made so far at once', () => {
    const dir = tmpDir();
    cleanupTmpDirs();

    expect(fs.existsSync(dir)).toBe(false);
    expect(fs.existsSync(fileDir)).toBe(false);
  });
});

describe('tmpDir outside Jest', () => {
  it('still makes folders, and removes them on cleanupTmpDirs() (or when the process exits)', () => {
    const globals = globalThis as Record<string, unknown>;
    const saved = globals.afterEach;
    const exitListeners = process.listenerCount('exit');
    let dir = '';
    globals.afterEach = undefined;
    try {
      jest.isolateModules(() => {
        const fresh = require('../tmpDir') as typeof import('../tmpDir');
        dir = fresh.tmpDir();
        expect(fs.existsSync(dir)).toBe(true);
        fresh.cleanupTmpDirs();
      });
    } finally {
      globals.afterEach = saved;
    }

    expect(fs.existsSync(dir)).toBe(false);
    expect(process.listenerCount('exit')).toBe(exitListeners + 1);
  });
});

/** The tmpDir modules as plain JS in `dir`, so a Jest run without any transform can load them. */
function writeCompiledModules(dir: string): void {
  for (const name of ['tmpDir', 'tmpDirs']) {
    const source = fs.readFileSync(path.join(__dirname, '..', `${name}.ts`), 'utf8');
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    });
    fs.writeFileSync(path.join(dir, `${name}.js`), outputText);
  }
}

const FIXTURE = `
const fs = require('node:fs');
const { tmpDir } = require('./tmpDir');
const made = (dir) => { fs.appendFileSync(process.env.MADE_LOG, dir + '\\n'); return dir; };

beforeAll(() => made(tmpDir({ name: 'file' })));
afterEach(() => made(tmpDir({ name: 'in-after-each' })));
test('passes', () => { made(tmpDir()); });
test('fails', () => { made(tmpDir()); throw new Error('this test fails on purpose'); });
test('times out', (done) => { made(tmpDir()); }, 200);
describe('nested', () => {
  beforeAll(() => made(tmpDir({ name: 'nested-file' })));
  test('passes too', () => { made(tmpDir()); });
});
`;

describe('tmpDir in a real Jest run', () => {
  let sandbox: string;
  beforeEach(() => {
    sandbox = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-tmpdir-run-'));
  });
  afterEach(() => fs.rmSync(sandbox, { recursive: true, force: true }));

  it('leaves no folder behind, with failing and timed-out tests', () => {
    const project = path.join(sandbox, 'project');
    const tmp = path.join(sandbox, 'tmp');
    fs.mkdirSync(project);
    fs.mkdirSync(tmp);
    writeCompiledModules(project);
    fs.writeFileSync(path.join(project, 'cleanup.test.js'), FIXTURE);
    const madeLog = path.join(sandbox, 'made.log');
    const config = {
      rootDir: project,
      testEnvironment: 'node',
      transform: {},
      cacheDirectory: path.join(sandbox, 'cache'),
    };

    const result = spawnSync(
      process.execPath,
      [require.resolve('jest/bin/jest'), '--config', JSON.stringify(config), '--ci', '--colors=false'],
      { cwd: project, encoding: 'utf8', env: { ...process.env, TMPDIR: tmp, TMP: tmp, TEMP: tmp, MADE_LOG: madeLog } },
    );

    expect(result.stderr).toContain('Tests:       2 failed, 2 passed, 4 total');
    const made = fs.readFileSync(madeLog, 'utf8').trim().split('\n');
    expect(made).toHaveLength(10);
    expect(made.every((dir) => path.dirname(dir) === tmp)).toBe(true);
    expect(fs.readdirSync(tmp).filter((name) => name.startsWith('jest-perf-'))).toEqual([]);
  });
});
