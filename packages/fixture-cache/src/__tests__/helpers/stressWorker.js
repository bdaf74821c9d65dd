// One worker of stress.test.ts, run with child_process.fork on the compiled package (dist/).
// Hammers a few keys for the rounds the parent allows, and checks every table and file it gets back
// against the content its key must have. Any wrong or partial data: exit code 1.

const fs = require('node:fs');
const { tableFromArrays } = require('apache-arrow');
const { cachedFile, cachedTable, getCacheStats } = require('../../../dist/index.js');

const options = JSON.parse(process.argv[2]);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function expectedIds(key) {
  return Int32Array.from({ length: key.rows }, (_, i) => i * key.seed);
}
function expectedValues(key) {
  return Float64Array.from({ length: key.rows }, (_, i) => Math.sin(i + key.seed));
}
function expectedText(key) {
  return `file ${key.id}\n${'0123456789abcdef\n'.repeat(key.rows)}`;
}

async function buildTable(key) {
  await sleep(15); // a build that takes a while widens the windows where workers overlap
  const flag = Array.from({ length: key.rows }, (_, i) => i % 3 === 0);
  const label = Array.from({ length: key.rows }, (_, i) => `k${key.id}-${i % 7}`);
  return tableFromArrays({ id: expectedIds(key), value: expectedValues(key), flag, label });
}

function fail(message) {
  process.send({ type: 'error', message }, () => process.exit(1));
}

function checkTable(table, key) {
  if (table.numRows !== key.rows) return fail(`key ${key.id}: ${table.numRows} rows, expected ${key.rows}`);
  const ids = table.getChild('id').toArray();
  const values = table.getChild('value').toArray();
  const wantIds = expectedIds(key);
  const wantValues = expectedValues(key);
  for (let i = 0; i < key.rows; i += 1) {
    if (ids[i] !== wantIds[i] || values[i] !== wantValues[i]) return fail(`key ${key.id}: wrong data at row ${i}`);
  }
  const label = table.getChild('label').get(key.rows - 1);
  if (label !== `k${key.id}-${(key.rows - 1) % 7}`) return fail(`key ${key.id}: wrong label ${label}`);
  return true;
}

async function one(key) {
  const common = {
    dir: options.dir,
    name: `stress-${key.id}`,
    memoryMaxBytes: options.memory ? 64 * 1024 * 1024 : 0,
    maxBytes: options.maxBytes,
    lock: options.lock,
  };
  if (key.kind === 'file') {
    const file = await cachedFile(
      { id: key.id, rows: key.rows },
      async (target) => {
        await sleep(15);
        fs.writeFileSync(target, expectedText(key));
      },
      { ...common, extension: '.txt' },
    );
    if (fs.readFileSync(file, 'utf8') !== expectedText(key)) return fail(`key ${key.id}: wrong file content`);
    held.push([file, key]);
    return true;
  }
  const table = await cachedTable({ id: key.id, rows: key.rows, seed: key.seed }, () => buildTable(key), {
    ...common,
    format: key.format,
  });
  return checkTable(table, key);
}

/** Paths handed out this round: they must stay readable while other workers evict and rebuild. */
let held = [];

async function round() {
  held = [];
  for (let i = 0; i < options.iterations; i += 1) {
    const keys = [...options.keys].sort(() => Math.random() - 0.5);
    for (const key of keys) if ((await one(key)) !== true) return false;
  }
  for (const [file, key] of held) {
    if (fs.readFileSync(file, 'utf8') !== expectedText(key)) return fail(`key ${key.id}: held file changed`);
  }
  return true;
}

let rounds = 0;
process.on('message', async (message) => {
  if (message !== 'go') return;
  try {
    if (!(await round())) return;
  } catch (error) {
    return fail(`threw: ${error?.stack ?? error}`);
  }
  rounds += 1;
  process.send({ type: 'round', rounds, stats: getCacheStats() });
  if (rounds === options.rounds) process.disconnect();
});
// The parent is gone (test failed or timed out): never linger.
process.on('disconnect', () => {
  if (rounds < options.rounds) process.exit(2);
});
process.send({ type: 'ready' });
