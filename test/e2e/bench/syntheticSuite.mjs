// The synthetic suite of the overhead benchmarks (overhead.mjs, overheadProfile.mjs): its test files,
// an optional seeded history, and the Jest configs of the three variants it is run under.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const JEST_BIN = path.join(REPO_ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
export const PRESET_DIR = path.join(REPO_ROOT, 'packages', 'preset');

/** One test file: file-level hooks, describes of up to 10 tests, a tag on every 10th test and on one describe. */
function testFile(index, tests) {
  const lines = [
    index % 10 === 0 ? '/** @tags serial */' : '',
    "const assert = require('node:assert');",
    'let shared;',
    'let perTest;',
    'beforeAll(() => {',
    `  shared = Array.from({ length: 100 }, (_, i) => i * ${index + 1});`,
    '});',
    'beforeEach(() => {',
    '  perTest = shared.slice(0, 10);',
    '});',
    'afterEach(() => {',
    '  perTest = undefined;',
    '});',
  ];
  for (let start = 0; start < tests; start += 10) {
    const block = start / 10;
    lines.push(`describe('block ${block}${block === 1 ? ' @integration' : ''}', () => {`);
    for (let t = start; t < Math.min(tests, start + 10); t += 1) {
      const tag = t % 10 === 9 ? ' @slow' : '';
      lines.push(`  it('computes case ${t}${tag}', () => {`);
      lines.push(`    assert.strictEqual(perTest.length + ${t}, ${10 + t});`);
      lines.push('  });');
    }
    lines.push('});');
  }
  return `${lines.filter(Boolean).join('\n')}\n`;
}

/** Test ids of the generated suite as the run file writes them (tags stripped). */
function suiteTestIds(options) {
  const ids = [];
  for (let i = 0; i < options.files; i += 1) {
    const file = `tests/file-${String(i).padStart(4, '0')}.test.js`;
    for (let t = 0; t < options.tests; t += 1) ids.push(`${file} › block ${Math.floor(t / 10)} › computes case ${t}`);
  }
  return ids;
}

/**
 * Writes `.jest-perf/history.arrow` with `options.history` earlier runs in one go, in the columns core's
 * appendToHistory writes (appending them one run at a time would take a minute).
 */
function seedHistory(root, options) {
  const coreRequire = createRequire(path.join(REPO_ROOT, 'packages', 'core', 'package.json'));
  const { tableFromArrays, tableToIPC } = coreRequire('apache-arrow');
  const ids = suiteTestIds(options);
  const n = ids.length * options.history;
  const columns = {
    runId: new Array(n),
    startedAt: new Array(n),
    commit: new Array(n).fill(''),
    testId: new Array(n),
    file: new Array(n),
    durationMs: new Float64Array(n),
    status: new Array(n).fill('passed'),
  };
  for (let r = 0; r < options.history; r += 1) {
    const runId = `2026-01-01T00-00-00-000Z-${String(r).padStart(4, '0')}`;
    const startedAt = new Date(Date.UTC(2026, 0, 1) + r * 3_600_000).toISOString();
    ids.forEach((id, t) => {
      const row = r * ids.length + t;
      columns.runId[row] = runId;
      columns.startedAt[row] = startedAt;
      columns.testId[row] = id;
      columns.file[row] = id.slice(0, id.indexOf(' › '));
      columns.durationMs[row] = 1 + ((r * 7 + t * 13) % 10) / 10;
    });
  }
  fs.mkdirSync(path.join(root, '.jest-perf'), { recursive: true });
  fs.writeFileSync(path.join(root, '.jest-perf', 'history.arrow'), tableToIPC(tableFromArrays(columns), 'file'));
}

/** Writes the suite and one Jest config per variant into a fresh temp dir. */
export function generateSuite(options) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-bench-'));
  const presetLink = path.join(root, 'node_modules', '@jest-perf', 'preset');
  fs.mkdirSync(path.dirname(presetLink), { recursive: true });
  fs.symlinkSync(PRESET_DIR, presetLink, 'dir');
  fs.mkdirSync(path.join(root, 'tests'));
  for (let i = 0; i < options.files; i += 1) {
    fs.writeFileSync(
      path.join(root, 'tests', `file-${String(i).padStart(4, '0')}.test.js`),
      testFile(i, options.tests),
    );
  }
  if (options.history > 0) seedHistory(root, options);
  return root;
}

// Configs are passed inline (`--config <json>`, rootDir = cwd): Jest 30.5's `--config <file>` fails to
// find a file that is not named jest.config.*.
const TS_JEST = createRequire(path.join(PRESET_DIR, 'package.json')).resolve('ts-jest');

/**
 * The three variants of a suite kind. `js` (the default): a JavaScript-only project, plain Jest (babel-jest,
 * Jest's defaults) against `preset: '@jest-perf/preset'`, which adds no transform. `ts`: both sides get
 * ts-jest (`@jest-perf/preset/ts-jest` against plain Jest with the same transform): Jest loads every
 * configured transformer in every worker (ts-jest pulls in TypeScript, ~0.2 s each), a cost of using
 * TypeScript, not of jest-perf. Plain Jest does not see the tracked runs' data folder either: a project
 * without jest-perf has none.
 */
export function variantsFor(kind = 'js') {
  if (kind !== 'js' && kind !== 'ts') throw new Error(`--suite must be js or ts, got ${JSON.stringify(kind)}`);
  const plain = { testEnvironment: 'node', modulePathIgnorePatterns: ['<rootDir>/\\.jest-perf/'] };
  if (kind === 'ts') plain.transform = { '^.+\\.[cm]?tsx?$': TS_JEST };
  const preset = JSON.stringify({ preset: kind === 'ts' ? '@jest-perf/preset/ts-jest' : '@jest-perf/preset' });
  return [
    { name: 'no jest-perf', id: 'plain', config: JSON.stringify(plain), env: {} },
    { name: 'jest-perf off', id: 'off', config: preset, env: {} },
    { name: 'jest-perf on', id: 'on', config: preset, env: { JEST_PERF: '1' } },
  ];
}

export const VARIANTS = variantsFor('js');

export function childEnv(extra) {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key.startsWith('JEST_PERF') || key === 'JEST_WORKER_ID') delete env[key];
  }
  // pnpm's bin shims set NODE_PATH to its store; the suite must resolve only what it links.
  delete env.NODE_PATH;
  return { ...env, ...extra };
}

/**
 * Reads a bench's command line: `numbers` are integer options with their defaults (and a minimum, 1
 * unless told), `flags` boolean options, `strings` string options with their defaults. `--help` prints
 * `usage`; a bad option prints what is wrong and `usage`, and exits with 2.
 */
export function readBenchOptions(usage, { numbers = {}, flags = [], strings = {} }) {
  const options = { help: { type: 'boolean', default: false } };
  for (const [name, { value }] of Object.entries(numbers)) options[name] = { type: 'string', default: String(value) };
  for (const name of flags) options[name] = { type: 'boolean', default: false };
  for (const [name, value] of Object.entries(strings)) options[name] = { type: 'string', default: value };
  let values;
  try {
    ({ values } = parseArgs({ options }));
  } catch (error) {
    console.error(`${error.message}\n${usage}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const read = { ...values };
  delete read.help;
  for (const [name, { min = 1 }] of Object.entries(numbers)) {
    const number = Number(values[name]);
    if (!Number.isInteger(number) || number < min) {
      console.error(`--${name} must be an integer ≥ ${min}, got ${JSON.stringify(values[name])}\n${usage}`);
      process.exit(2);
    }
    read[name] = number;
  }
  return read;
}

/** The Jest command line of one bench run of `variant` (after any node flags). */
export function jestArgs(root, variant, workers) {
  return [
    JEST_BIN,
    '--config',
    variant.config,
    '--ci',
    `--maxWorkers=${workers}`,
    `--cacheDirectory=${path.join(root, '.cache', variant.id)}`,
    '--silent',
  ];
}

/** Runs node with `args` in the suite with `variant`'s environment; rejects with the output's tail unless Jest exits 0. */
export function spawnJest(root, variant, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env: childEnv(variant.env), stdio: 'pipe' });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${variant.name}: Jest exited with ${code}\n${output.slice(-4000)}`)),
    );
  });
}
