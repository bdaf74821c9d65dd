/*
 * pnpm bench:cache — regenerating test data vs loading it from the fixture cache, side by side in one
 * run: a 1,000,000-row table (Arrow IPC, Parquet, and JSON as the plain way) and a 50,000-row Excel
 * file; then 4 processes asking for one cold key, with and without the lock. Medians of BENCH_RUNS
 * runs (default 3). Everything is written under a temp folder that is removed at the end.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { tableFromJSON } from 'apache-arrow';
import { cachedFile } from '../dist/cachedFile';
import { cachedTable } from '../dist/cachedTable';
import { clearMemoryLayer } from '../dist/memoryLayer';
import type { TableFormatName, VerifyMode } from '../dist/types';
import { buildTable, writeWorkbook } from './generators';
import { lockBench } from './lockBench';
import { formatBytes, formatLess, formatMs, interleaved, medianMs, row } from './measure';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ROWS = 1_000_000;
const EXCEL_ROWS = 50_000;
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-cache-bench-'));
const dir = (name: string): string => path.join(root, name);
const sizeOf = (folder: string, ext: string): number => {
  const file = fs.readdirSync(folder).find((name) => name.endsWith(ext));
  return file ? fs.statSync(path.join(folder, file)).size : 0;
};

function header(title: string, baseline: string): void {
  console.log(`\n### ${title}\n`);
  console.log(row(['', 'median time', `vs ${baseline}`, 'on disk']));
  console.log(row(['---', '---:', '---:', '---:']));
}

async function tableSection(): Promise<number> {
  const table = () => buildTable(ROWS, 7);
  const jsonFile = (run: number) => dir(`rows-${run}.json`);
  const options = (format: TableFormatName, run: number, verify: VerifyMode = 'checksum') => ({
    dir: dir(`${format}-${run}`),
    format,
    verify,
    memoryMaxBytes: 0,
  });
  const get = (format: TableFormatName, run: number, verify?: VerifyMode) =>
    cachedTable({ rows: ROWS }, table, options(format, run, verify));
  // Round by round: regenerate, and a first run (build + write) of each store into a fresh folder.
  const cold = await interleaved(RUNS, {
    regenerate: table,
    arrow: (run) => get('arrow', run),
    parquet: (run) => get('parquet', run),
    json: (run) => fs.writeFileSync(jsonFile(run), JSON.stringify(table().toArray())),
  });
  // Then loads of what those first runs wrote (round r reads folder r), from the page cache as in a
  // test run that follows the first one.
  const rows = (run: number) => JSON.parse(fs.readFileSync(jsonFile(run), 'utf8')) as Record<string, unknown>[];
  const warm = await interleaved(RUNS, {
    arrow: (run) => get('arrow', run),
    arrowSize: (run) => get('arrow', run, 'size'),
    parquet: (run) => get('parquet', run),
    parquetSize: (run) => get('parquet', run, 'size'),
    json: rows,
    jsonTable: (run) => tableFromJSON(rows(run)),
  });
  await cachedTable({ rows: ROWS }, table, { dir: dir('arrow-0') });
  const memory = await medianMs(RUNS, () => cachedTable({ rows: ROWS }, table, { dir: dir('arrow-0') }));
  clearMemoryLayer();
  const base = cold.regenerate;
  const line = (what: string, ms: number, size: string) =>
    console.log(row([what, formatMs(ms), formatLess(ms, base), size]));
  const arrowSize = formatBytes(sizeOf(dir('arrow-0'), '.arrow'));
  const parquetSize = formatBytes(sizeOf(dir('parquet-0'), '.parquet'));
  const jsonSize = formatBytes(fs.statSync(jsonFile(0)).size);
  header(`Table: ${ROWS.toLocaleString('en')} rows × 5 columns`, 'regenerate');
  console.log(row(['regenerate (build the table in the test)', formatMs(base), '—', '—']));
  line('Arrow IPC: first run (build + write)', cold.arrow, arrowSize);
  line('Arrow IPC: cached, from disk, sha256 verified', warm.arrow, arrowSize);
  line('Arrow IPC: cached, from disk, size + parse only', warm.arrowSize, arrowSize);
  line('Arrow IPC: cached, memory layer (same worker)', memory, '—');
  line('Parquet: first run (build + write)', cold.parquet, parquetSize);
  line('Parquet: cached, from disk, sha256 verified', warm.parquet, parquetSize);
  line('Parquet: cached, from disk, size + parse only', warm.parquetSize, parquetSize);
  line('JSON rows (the plain way): first run (build + write)', cold.json, jsonSize);
  line('JSON rows: read + JSON.parse (rows, not a Table)', warm.json, jsonSize);
  line('JSON rows: read + parse + tableFromJSON', warm.jsonTable, jsonSize);
  return (1 - warm.arrow / base) * 100;
}

async function excelSection(): Promise<number> {
  const write = (target: string) => writeWorkbook(target, EXCEL_ROWS, 5);
  const options = (run: number, verify: VerifyMode = 'checksum') => ({
    dir: dir(`excel-${run}`),
    extension: '.xlsx',
    verify,
    memoryMaxBytes: 0,
  });
  const get = (run: number, verify?: VerifyMode) => cachedFile({ rows: EXCEL_ROWS }, write, options(run, verify));
  const cold = await interleaved(RUNS, {
    regenerate: (run) => write(dir(`regenerate-${run}.xlsx`)),
    first: (run) => get(run),
  });
  const warm = await interleaved(RUNS, { checksum: (run) => get(run), size: (run) => get(run, 'size') });
  const memoryOptions = { dir: dir('excel-0'), extension: '.xlsx' };
  await cachedFile({ rows: EXCEL_ROWS }, write, memoryOptions);
  const memory = await medianMs(RUNS, () => cachedFile({ rows: EXCEL_ROWS }, write, memoryOptions));
  const size = formatBytes(sizeOf(dir('excel-0'), '.xlsx'));
  const base = cold.regenerate;
  const line = (what: string, ms: number, onDisk: string) =>
    console.log(row([what, formatMs(ms), formatLess(ms, base), onDisk]));
  header(`Excel file: ${EXCEL_ROWS.toLocaleString('en')} rows × 5 columns (exceljs)`, 'regenerate');
  console.log(row(['regenerate (write the workbook in the test)', formatMs(base), '—', size]));
  line('first run (build + store)', cold.first, size);
  line('cached path, from disk, sha256 verified', warm.checksum, size);
  line('cached path, from disk, size only', warm.size, size);
  line('cached path, memory layer (same worker)', memory, '—');
  return (1 - warm.checksum / base) * 100;
}

async function lockSection(): Promise<void> {
  const processes = 4;
  const results = await lockBench((mode, run) => dir(`${mode}-${run}`), { rows: ROWS, processes, runs: RUNS });
  console.log(`\n### ${processes} processes asking for one cold ${ROWS.toLocaleString('en')}-row table at once\n`);
  console.log(row(['', 'builds (median; per run)', 'wall until all have it (median)', 'vs no lock']));
  console.log(row(['---', '---:', '---:', '---:']));
  const noLock = results.find((r) => r.mode === 'no lock')?.wallMs ?? Number.NaN;
  for (const r of results) {
    const versus = r.mode === 'lock' ? formatLess(r.wallMs, noLock) : '—';
    console.log(row([r.mode, `${r.builds} (${r.buildList.join(', ')})`, formatMs(r.wallMs), versus]));
  }
}

async function main(): Promise<void> {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(`## Fixture cache benchmark\n`);
  console.log(
    `${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()}`,
  );
  const load = os.loadavg()[0]?.toFixed(1);
  console.log(
    `${new Date().toISOString().slice(0, 10)}, median of ${RUNS} runs, load average ${load} at start, \`pnpm bench:cache\``,
  );
  const table = await tableSection();
  const excel = await excelSection();
  await lockSection();
  console.log(`\nTargets: table ≥ 90 % less time: ${table.toFixed(1)} % (${table >= 90 ? 'met' : 'NOT met'}); `);
  console.log(`Excel ≥ 95 % less time: ${excel.toFixed(1)} % (${excel >= 95 ? 'met' : 'NOT met'}).`);
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => fs.rmSync(root, { recursive: true, force: true }));
