#!/usr/bin/env node
// The README's main job: run the example suite with jest-perf tracking, write the report, check the
// baseline. Plain Node so it runs before anything else is set up; every step is a child process so
// its output streams live.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const example = join(root, 'examples', 'clinical-analytics');
const cli = join(root, 'packages', 'cli', 'dist', 'bin.js');
const dataDir = join(example, '.jest-perf');

function step(title, command, args, env = {}) {
  console.log(`\n▶ ${title}\n  $ ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

if (!existsSync(cli)) {
  console.error('jest-perf is not built: run `pnpm install` (it builds every package) first.');
  process.exit(2);
}

const jest = join(root, 'node_modules', 'jest', 'bin', 'jest.js');
const testStatus = step(
  'Example suite, tracked',
  process.execPath,
  [jest, '--config', join(example, 'jest.config.js')],
  {
    JEST_PERF: '1',
  },
);
if (!existsSync(join(dataDir, 'latest.json'))) {
  console.error('The tracked run wrote no run file: see the output above.');
  process.exit(2);
}
const reportFile = join(dataDir, 'report.md');
step('Report', process.execPath, [cli, 'report', '--root', example, '--out', reportFile]);
const baseline = join(dataDir, 'baseline.json');
const hadBaseline = existsSync(baseline);
// First run: this run becomes the baseline. Later runs are checked against it (regressions confirmed by rerunning).
const checkStatus = hadBaseline
  ? step('Check against the baseline', process.execPath, [cli, 'check', '--root', example, '--confirm', '2'])
  : step('Create the baseline (first run)', process.execPath, [cli, 'baseline', '--root', example]);

console.log(`
Run file: ${relative(root, join(dataDir, 'latest.json'))}
Report:   ${relative(root, reportFile)}
Baseline: ${relative(root, baseline)}${hadBaseline ? '' : ' (created by this run; the next `pnpm demo` checks against it)'}
Suite: ${testStatus === 0 ? 'passed' : 'FAILED'} · performance ${hadBaseline ? 'check' : 'baseline'}: ${checkStatus === 0 ? 'ok' : checkStatus === 1 ? 'REGRESSED' : 'error'}`);
process.exit(testStatus !== 0 ? testStatus : checkStatus);
