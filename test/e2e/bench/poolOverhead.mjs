#!/usr/bin/env node
// Pools the runs of several `pnpm bench:overhead` logs (its stderr, or the whole output) into one table:
// a round is one "run k/N" of one log, so paired ratios stay within the variants that ran back to back.
//
//   node test/e2e/bench/poolOverhead.mjs round1.log round2.log ...
import * as fs from 'node:fs';
import { printTable } from './overheadStats.mjs';
import { VARIANTS } from './syntheticSuite.mjs';

const USAGE = 'Usage: node test/e2e/bench/poolOverhead.mjs <log> [<log> ...]';
const RUN_LINE =
  /^\s*run (\d+)\/\d+ (.+?): (\d+(?:\.\d+)?) ms(?:, CPU (\d+(?:\.\d+)?) ms)?(?:, main (\d+(?:\.\d+)?) ms, workers (\d+(?:\.\d+)?) ms)?\s*$/;

/** The complete rounds of one log (a round missing a variant, as in a log cut short, is left out). */
function roundsOf(text) {
  const rounds = new Map();
  for (const line of text.split('\n')) {
    const match = RUN_LINE.exec(line);
    if (!match) continue;
    const [, round, variant, wallMs, cpuMs, mainMs, workersMs] = match;
    if (!rounds.has(round)) rounds.set(round, new Map());
    const run = { wallMs: Number(wallMs), cpuMs: cpuMs === undefined ? null : Number(cpuMs) };
    // `--by-process` logs: the CPU time of Jest's main process and of its workers.
    if (mainMs !== undefined) Object.assign(run, { mainMs: Number(mainMs), workersMs: Number(workersMs) });
    rounds.get(round).set(variant, run);
  }
  return [...rounds.values()].filter((round) => VARIANTS.every((variant) => round.has(variant.name)));
}

function main() {
  const files = process.argv.slice(2);
  if (files.length === 0 || files.includes('--help')) {
    console.log(USAGE);
    process.exit(files.length === 0 ? 2 : 0);
  }
  const results = new Map(VARIANTS.map((variant) => [variant.name, []]));
  for (const file of files) {
    let text;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      console.error(`Cannot read ${file}: ${error.message}\n${USAGE}`);
      process.exit(2);
    }
    const rounds = roundsOf(text);
    console.log(`${file}: ${rounds.length} complete rounds`);
    for (const round of rounds) for (const [name, runs] of results) runs.push(round.get(name));
  }
  if (results.get(VARIANTS[0].name).length === 0) {
    console.error('No complete round (a "run k/N <variant>: X ms" line of every variant) in these logs.');
    process.exit(1);
  }
  printTable(results);
}

main();
