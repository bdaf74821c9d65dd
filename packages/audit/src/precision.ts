import * as fs from 'node:fs';
import * as path from 'node:path';
import { auditSource } from './audit';

/**
 * Scores the audit on a labelled corpus: `.txt` files of cases, each starting with `// ==== <file name>`, the
 * lines where a finding or serial candidate is expected ending in `// expect: <rule-id>[, <rule-id>]`.
 */

export interface CaseScore {
  name: string;
  /** `line rule`, for what the labels expect and what the audit reported. */
  expected: string[];
  reported: string[];
}

export interface CorpusScore {
  cases: CaseScore[];
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
}

const CASE_HEADER = /^\/\/ ==== (\S+)\s*$/;
const LABEL = /\/\/ expect: ([\w-]+(?:\s*,\s*[\w-]+)*)\s*$/;

/** Splits a corpus file into its cases. */
export function parseCases(text: string): { name: string; source: string }[] {
  const cases: { name: string; lines: string[] }[] = [];
  for (const line of text.split('\n')) {
    const header = CASE_HEADER.exec(line);
    if (header) cases.push({ name: header[1] as string, lines: [] });
    else cases.at(-1)?.lines.push(line);
  }
  return cases.map((c) => ({ name: c.name, source: c.lines.join('\n').trim() }));
}

function expectedOf(source: string): string[] {
  return source.split('\n').flatMap((line, index) => {
    const label = LABEL.exec(line);
    return label ? (label[1] as string).split(/\s*,\s*/).map((rule) => `${index + 1} ${rule}`) : [];
  });
}

export function scoreCase(name: string, source: string): CaseScore {
  const result = auditSource(name, source);
  const reported = [...result.findings, ...result.candidates].map((finding) => `${finding.line} ${finding.rule}`);
  return { name, expected: expectedOf(source).sort(), reported: reported.sort() };
}

/** Scores every case of every `.txt` file in the folder. */
export function scoreCorpus(folder: string): CorpusScore {
  const cases = fs
    .readdirSync(folder)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .flatMap((file) => parseCases(fs.readFileSync(path.join(folder, file), 'utf8')))
    .map((c) => scoreCase(c.name, c.source));
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  for (const c of cases) {
    const hit = c.reported.filter((r) => c.expected.includes(r)).length;
    truePositives += hit;
    falsePositives += c.reported.length - hit;
    falseNegatives += c.expected.filter((e) => !c.reported.includes(e)).length;
  }
  const ratio = (a: number, b: number) => (a + b === 0 ? 1 : a / (a + b));
  return {
    cases,
    truePositives,
    falsePositives,
    falseNegatives,
    precision: ratio(truePositives, falsePositives),
    recall: ratio(truePositives, falseNegatives),
  };
}
