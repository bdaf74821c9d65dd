import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { auditCommand } from '../commands/audit';
import type { CliIo } from '../io';
import { COMMANDS, runCli } from '../main';
import type { CliResult } from './helpers/project';

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-cli-audit-'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

function write(file: string, lines: string[]): void {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), `${lines.join('\n')}\n`);
}

/** Runs the real CLI in-process (with the audit command, registered in main or not). */
async function audit(argv: string[], cwd = root): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { cwd, env: {}, out: (text) => out.push(text), err: (text) => err.push(text) };
  const commands = COMMANDS.includes(auditCommand) ? COMMANDS : [...COMMANDS, auditCommand];
  const code = await runCli(['audit', ...argv], io, commands);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A small suite with one finding of each kind in two files, one allowed finding and one clean file. */
function writeSuite(): void {
  write('tests/fixtures/paths.ts', ["export const LOG_DIR = '/tmp/test_logs';"]);
  write('tests/server.test.ts', [
    "import * as fs from 'node:fs';",
    "import * as path from 'node:path';",
    'let requests = 0;',
    "it('serves', () => {",
    '  server.listen(3000);',
    '  requests++;',
    "  process.env.API_URL = 'http://127.0.0.1:0';",
    '  process.chdir(__dirname);',
    "  fs.writeFileSync(path.join(__dirname, 'out.json'), '{}');",
    '});',
  ]);
  write('tests/allowed.test.ts', [
    '// jest-perf-audit-allow shared-tmp-path: the fixture is read-only, baked into the CI image',
    "const FIXTURE = '/tmp/readonly-fixture';",
  ]);
  write('src/clean.test.ts', ["it('adds', () => expect(1 + 1).toBe(2));"]);
  write('src/index.ts', ["export const notATest = '/tmp/ignored';"]);
}

describe('audit parse', () => {
  it('reads the paths and the format (text by default)', () => {
    expect(auditCommand.parse({ root: '/p', paths: ['tests', 'a.test.ts'], format: 'json' })).toEqual({
      root: '/p',
      paths: ['tests', 'a.test.ts'],
      format: 'json',
    });
    expect(auditCommand.parse({ root: '/p', format: 'text' })).toEqual({ root: '/p', paths: [], format: 'text' });
  });

  it('rejects an unknown format with an example', () => {
    expect(() => auditCommand.parse({ root: '/p', format: 'xml' })).toThrow(
      '--format must be one of text, json (got xml)\nExample: npx jest-perf audit tests --format json',
    );
  });
});

describe('jest-perf audit', () => {
  it('lists each finding with its fix, then a summary, and exits 1', async () => {
    writeSuite();

    const result = await audit([]);

    expect(result.code).toBe(1);
    expect(result.err).toBe('');
    const lines = result.out.split('\n');
    expect(lines.filter((line) => !line.startsWith('    fix: '))).toEqual([
      "tests/fixtures/paths.ts:1:24  shared-tmp-path  '/tmp/test_logs' is one fixed folder for every test, worker and run: parallel tests see each other's files",
      'tests/server.test.ts:5:17  fixed-port  listen(3000) binds a fixed port: two workers (or two runs) collide',
      "tests/server.test.ts:6:3  shared-module-state  module-level `requests` is incremented inside a test and never reset in beforeEach/afterEach: the tests of this file depend on the order they run in ('jest --randomize' changes it)",
      "tests/server.test.ts:7:3  env-write-without-restore  process.env.API_URL is changed here and never put back: the later tests of this file see it (so they depend on the order tests run in, which 'jest --randomize' changes), and so do the child processes they start; other test files do not (Jest gives each file its own process.env)",
      'tests/server.test.ts:8:3  process-chdir  process.chdir changes the working directory of the whole worker process, for every later test and test file it runs',
      'tests/server.test.ts:9:20  repo-tree-write  writeFileSync writes into the repository tree (the path starts at __dirname (the source tree)): every worker and run shares it',
      '',
      '6 findings in 2 files (scanned 4 files; 1 allowed by comment)',
    ]);
    expect(lines.filter((line) => line.startsWith('    fix: '))).toHaveLength(6);
  });

  it('prints JSON with --format json', async () => {
    writeSuite();

    const result = await audit(['--format', 'json']);

    expect(result.code).toBe(1);
    const report = JSON.parse(result.out);
    expect(report).toMatchObject({ version: 1, root, scannedFiles: 4 });
    expect(report.findings).toHaveLength(6);
    expect(report.findings[0]).toEqual({
      rule: 'shared-tmp-path',
      file: 'tests/fixtures/paths.ts',
      line: 1,
      column: 24,
      message:
        "'/tmp/test_logs' is one fixed folder for every test, worker and run: parallel tests see each other's files",
      fix: expect.stringContaining("tmpDir() from '@jest-perf/parallel/tmpDir'"),
    });
    expect(report.allowed).toEqual([
      {
        rule: 'shared-tmp-path',
        file: 'tests/allowed.test.ts',
        line: 2,
        reason: 'the fixture is read-only, baked into the CI image',
      },
    ]);
  });

  it('scans only the given paths, relative to --root, and exits 0 without findings', async () => {
    writeSuite();
    const elsewhere = os.tmpdir();

    const result = await audit(['src', 'tests/allowed.test.ts', '--root', root], elsewhere);

    expect(result).toEqual({ code: 0, out: 'No parallel-safety findings in 2 files (1 allowed by comment).', err: '' });
  });

  it('says so for a suite without test files', async () => {
    const result = await audit([]);

    expect(result).toEqual({ code: 0, out: 'No parallel-safety findings in 0 files.', err: '' });
  });

  it('exits 2 for a path that does not exist', async () => {
    const result = await audit(['missing']);

    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).toBe(
      'jest-perf: audit: missing does not exist\nExample: npx jest-perf audit tests --format json',
    );
  });

  it('exits 2 for an unknown format', async () => {
    const result = await audit(['--format', 'xml']);

    expect(result.code).toBe(2);
    expect(result.err).toContain('Invalid values');
  });
});
