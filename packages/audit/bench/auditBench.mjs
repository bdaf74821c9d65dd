// pnpm bench:audit — the audit's speed (files/s, full audit vs TypeScript's parser alone, side by side in one
// run) and its precision/recall on the labelled corpus in src/__tests__/corpus. Needs `pnpm build` first.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';

const require = createRequire(import.meta.url);
const dist = path.join(import.meta.dirname, '..', 'dist');
const { auditFiles } = require(path.join(dist, 'audit.js'));
const { parseSource } = require(path.join(dist, 'parse.js'));
const { discoverFiles } = require(path.join(dist, 'discover.js'));
const { scoreCorpus } = require(path.join(dist, 'precision.js'));

const FILES = 300;
const ROUNDS = 5;
const corpusFolder = path.join(import.meta.dirname, '..', 'src', '__tests__', 'corpus');

/** A suite of FILES test files of ~100 lines made of the corpus's cases (realistic code, some findings). */
function makeSuite() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-audit-bench-'));
  const bodies = fs
    .readdirSync(corpusFolder)
    .map((file) => fs.readFileSync(path.join(corpusFolder, file), 'utf8'))
    .flatMap((text) => text.split(/^\/\/ ==== .*$/m))
    .filter((body) => body.trim() !== '');
  for (let i = 0; i < FILES; i += 1) {
    const folder = path.join(root, 'tests', `g${i % 10}`);
    fs.mkdirSync(folder, { recursive: true });
    const body = [0, 1, 2, 3, 4].map((k) => bodies[(i * 5 + k) % bodies.length]).join('\n');
    fs.writeFileSync(path.join(folder, `f${i}.test.ts`), body);
  }
  return root;
}

function time(fn) {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const root = makeSuite();
try {
  const files = discoverFiles(root, []);
  auditFiles({ root }); // warm-up: loads TypeScript, JIT
  const parseMs = [];
  const auditMs = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    // Interleaved, so both see the same machine load.
    parseMs.push(
      time(() => {
        for (const file of files) parseSource(file, fs.readFileSync(file, 'utf8'));
      }),
    );
    auditMs.push(time(() => auditFiles({ root })));
  }
  const lines = files.reduce((sum, file) => sum + fs.readFileSync(file, 'utf8').split('\n').length, 0);
  const rate = (ms) => Math.round((files.length / ms) * 1000);
  console.log(`audit speed: ${files.length} files, ${lines} lines, median of ${ROUNDS} interleaved rounds`);
  console.log(`  parse only (TypeScript's parser): ${median(parseMs).toFixed(0)} ms  ${rate(median(parseMs))} files/s`);
  console.log(
    `  full audit (read, parse, 8 rules): ${median(auditMs).toFixed(0)} ms  ${rate(median(auditMs))} files/s`,
  );
  console.log(`  full audit / parse only: ${(median(auditMs) / median(parseMs)).toFixed(2)}`);
} finally {
  fs.rmSync(root, { recursive: true, force: true });
}

const score = scoreCorpus(corpusFolder);
const expected = score.truePositives + score.falseNegatives;
console.log(`\naudit precision on the labelled corpus (${score.cases.length} cases, ${expected} expected findings):`);
console.log(
  `  true positives ${score.truePositives}, false positives ${score.falsePositives}, false negatives ${score.falseNegatives}`,
);
console.log(`  precision ${(score.precision * 100).toFixed(1)} %, recall ${(score.recall * 100).toFixed(1)} %`);
for (const c of score.cases) {
  const extra = c.reported.filter((r) => !c.expected.includes(r));
  const missed = c.expected.filter((e) => !c.reported.includes(e));
  if (extra.length + missed.length > 0)
    console.log(`  ${c.name}: reported ${extra.join(', ') || '-'}; missed ${missed.join(', ') || '-'}`);
}
