import { audit, code, hits } from './helpers/audit';

const RULE = 'child-process';

describe('child-process (serial candidate)', () => {
  it.each([
    ["import { spawn } from 'node:child_process';\nit('x', () => { spawn('node', ['cli.js']); });", ['2:17']],
    ["import * as cp from 'child_process';\nconst out = cp.execSync('git status');", ['2:13']],
    ["const { fork } = require('child_process');\nbeforeAll(() => { fork('./worker.js'); });", ['2:19']],
    ["import { execa } from 'execa';\nit('x', async () => { await execa('node', ['bin.js']); });", ['2:29']],
    ["import { $ } from 'execa';\nit('x', async () => { await $`node bin.js --help`; });", ['2:29']],
    ["import spawn from 'cross-spawn';\nspawn.sync('npm', ['test']);", ['2:1']],
    [
      "import { exec } from 'node:child_process';\nimport { promisify } from 'node:util';\nconst run = promisify(exec);",
      ['3:13'],
    ],
    // One candidate per file, at the first place.
    ["import { execFileSync } from 'child_process';\nexecFileSync('a');\nexecFileSync('b');", ['2:1']],
  ])('flags %j', (source, at) => {
    expect(
      audit(source)
        .candidates.filter((c) => c.rule === RULE)
        .map((c) => `${c.line}:${c.column}`),
    ).toEqual(at);
  });

  it.each([
    // Mocked: the calls reach jest's mock, not the system.
    ["import { spawn } from 'child_process';\njest.mock('child_process');\nit('x', () => { spawn('x'); });"],
    ["import { execa } from 'execa';\njest.mock('execa');\nit('x', () => execa('x'));"],
    // Already in the serial lane.
    ["/** @tags serial */\nimport { spawn } from 'child_process';\nspawn('x');"],
    ["import { spawn } from 'child_process';\nit('runs the cli @serial', () => { spawn('x'); });"],
    // Names that only look alike.
    ["const exec = (q: string) => db.query(q);\nit('x', () => exec('select 1'));"],
    ["it('x', () => { regex.exec('child_process'); });"],
  ])('does not flag %j', (source) => {
    expect(audit(source).candidates).toEqual([]);
  });

  it('is a candidate, not a finding, and counts the places in the message', () => {
    const result = audit(code("import { execSync } from 'child_process';\nexecSync('a');\nexecSync('b');"));

    expect(result.findings).toEqual([]);
    expect(result.candidates[0]?.message).toBe(
      "execSync(…) starts a child process (2 places in this file): each one competes with the Jest workers for the CPU (timeouts under load) and inherits this file's process.env",
    );
    expect(hits("import { execSync } from 'child_process';\nexecSync('a');", RULE)).toEqual([]);
  });

  it('is allowed by a comment with a reason', () => {
    const result = audit(
      "import { execSync } from 'child_process';\n// jest-perf-audit-allow child-process: one short git call\nexecSync('git rev-parse HEAD');",
    );

    expect(result.candidates).toEqual([]);
    expect(result.allowed.map((a) => a.rule)).toEqual(['child-process']);
  });
});
