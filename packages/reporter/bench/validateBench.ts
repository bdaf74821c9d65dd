/*
 * pnpm bench:validate — the reporter's check of per-worker records, three ways side by side in one run:
 * core's standalone validator (ajv's code, compiled when core is built: what the reporter uses), the
 * hand-written twin of the schema it replaced, and ajv compiling the schema at run time. Part 1: 100,000
 * records, rounds interleaved. Part 2: the start-up each way costs a fresh process (load + first check).
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { checkWorkerFileRecord, type WorkerFileRecord, workerFileRecordSchema } from '@jest-perf/core';
import { isWorkerFileRecord } from './handWrittenCheck';

const RECORDS = Number(process.env.BENCH_RECORDS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_RUNS ?? 7);
const PROCESSES = Number(process.env.BENCH_PROCESSES ?? 9);

const coreDist = path.dirname(require.resolve('@jest-perf/core'));
const ajvPath = require.resolve('ajv', { paths: [coreDist] });
const { AJV_OPTIONS } = require(path.join(coreDist, 'validate.js')) as { AJV_OPTIONS: object };

/** A seeded generator, so every run checks the same records. */
function createRandom(seed: number): (below: number) => number {
  let state = seed >>> 0;
  return (below) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % below;
  };
}

const HOOK_TYPES = ['beforeAll', 'beforeEach', 'afterEach', 'afterAll'] as const;

/** Records shaped like the environment's: a few hooks, one setup time per test, a couple of counter groups. */
function makeRecords(count: number): WorkerFileRecord[] {
  const random = createRandom(42);
  return Array.from({ length: count }, (_, index) => {
    const tests = 1 + random(40);
    return {
      kind: 'file',
      testPath: `/repo/src/feature${index % 500}/module${index}.test.ts`,
      worker: 1 + random(8),
      fileTags: random(4) === 0 ? ['serial'] : [],
      hookMs: random(5000) / 100,
      hooks: Array.from({ length: random(6) }, (_h, h) => ({
        type: HOOK_TYPES[h % 4] ?? 'beforeEach',
        describePath: ['suite', `block ${h}`],
        line: 10 + h,
        calls: 1 + random(tests),
        totalMs: random(1000) / 10,
        maxMs: random(100) / 10,
        cpuMs: random(500) / 10,
      })),
      testSetupMs: Array.from({ length: tests }, () => random(300) / 100),
      testCpuMs: Array.from({ length: tests }, () => random(3000) / 100),
      cpuMs: random(10_000) / 10,
      counters: random(2) === 0 ? { llmMock: { calls: random(9) }, fixtureCache: { hits: random(5) } } : {},
    } satisfies WorkerFileRecord as WorkerFileRecord;
  });
}

type Check = (value: unknown) => boolean;

/** ajv, resolved from core (the reporter does not depend on it): only the part this bench calls. */
interface AjvModule {
  default: new (options: object) => { compile(schema: object): Check };
}

function runtimeAjvCheck(): Check {
  const Ajv = (require(ajvPath) as AjvModule).default;
  return new Ajv(AJV_OPTIONS).compile(workerFileRecordSchema) as Check;
}

const CHECKS: [string, Check][] = [
  ['standalone (core, compiled at build time)', (value) => checkWorkerFileRecord(value).valid],
  ['hand-written twin (before)', isWorkerFileRecord],
  ['ajv.compile at run time', runtimeAjvCheck()],
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function timeChecks(records: unknown[], check: Check): number {
  const start = process.hrtime.bigint();
  let valid = 0;
  for (const record of records) if (check(record)) valid += 1;
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (valid !== records.length) throw new Error(`only ${valid} of ${records.length} records passed a check`);
  return ms;
}

function perRecord(): void {
  const records = makeRecords(RECORDS);
  const samples = CHECKS.map((): number[] => []);
  for (let round = 0; round < ROUNDS; round += 1) {
    // Each round starts with another method, so none always runs first (or on a warmer machine).
    for (let k = 0; k < CHECKS.length; k += 1) {
      const index = (round + k) % CHECKS.length;
      samples[index]?.push(timeChecks(records, CHECKS[index]?.[1] as Check));
    }
  }
  const base = median(samples[1] ?? []);
  console.log(`\n### ${RECORDS.toLocaleString('en')} records, median of ${ROUNDS} interleaved rounds\n`);
  console.log('| check | ms | ns / record | × hand-written |\n| --- | ---: | ---: | ---: |');
  CHECKS.forEach(([name], index) => {
    const ms = median(samples[index] ?? []);
    console.log(`| ${name} | ${ms.toFixed(1)} | ${((ms * 1e6) / RECORDS).toFixed(0)} | ${(ms / base).toFixed(2)} |`);
  });
}

/** Runs `script` (load a check, check one record) in a fresh Node process; the ms it took, timed inside it. */
function timeInFreshProcess(script: string): number {
  const timed = `const t = process.hrtime.bigint(); ${script}; process.stdout.write(String(Number(process.hrtime.bigint() - t) / 1e6));`;
  const child = spawnSync(process.execPath, ['-e', timed], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`start-up probe failed: ${child.stderr}`);
  return Number(child.stdout);
}

function startUp(): void {
  const record = JSON.stringify(makeRecords(1)[0]);
  const generated = path.join(coreDist, 'schemas', 'generated', 'workerFileRecord.validate.js');
  const schemaModule = path.join(coreDist, 'schemas', 'runFile.schema.js');
  const handWritten = path.join(__dirname, 'handWrittenCheck.js');
  const probes: [string, string][] = [
    ['standalone validator', `if (!require(${JSON.stringify(generated)}).default(${record})) process.exit(1)`],
    [
      'hand-written twin',
      `if (!require(${JSON.stringify(handWritten)}).isWorkerFileRecord(${record})) process.exit(1)`,
    ],
    [
      'ajv.compile at run time',
      `const Ajv = require(${JSON.stringify(ajvPath)}).default; const schema = require(${JSON.stringify(schemaModule)}).workerFileRecordSchema;` +
        `if (!new Ajv(${JSON.stringify(AJV_OPTIONS)}).compile(schema)(${record})) process.exit(1)`,
    ],
  ];
  const samples = probes.map((): number[] => []);
  for (let run = 0; run < PROCESSES; run += 1) {
    for (let k = 0; k < probes.length; k += 1) {
      const index = (run + k) % probes.length;
      samples[index]?.push(timeInFreshProcess(probes[index]?.[1] ?? ''));
    }
  }
  const base = median(samples[1] ?? []);
  console.log(`\n### Start-up: load the check and check one record in a fresh process, median of ${PROCESSES}\n`);
  console.log('| check | ms | × hand-written |\n| --- | ---: | ---: |');
  probes.forEach(([name], index) => {
    const ms = median(samples[index] ?? []);
    console.log(`| ${name} | ${ms.toFixed(2)} | ${(ms / base).toFixed(1)} |`);
  });
}

console.log('## Worker record validation: standalone vs hand-written vs ajv at run time');
console.log(
  `Node ${process.version}, ${require('node:os').cpus().length} cores, load average ${require('node:os').loadavg()[0].toFixed(1)} at start`,
);
perRecord();
startUp();
