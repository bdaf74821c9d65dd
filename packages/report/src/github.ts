import * as fs from 'node:fs';
import type { RunFile } from '@jest-perf/core';
import { type CompareResult, formatVerdict } from '@jest-perf/regression';

/** GitHub escapes for workflow-command data. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values (`file=…`) also escape `:` and `,`, which would otherwise end the value. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `::error file=…,line=…::message` for each regressed test, pointing at its line when known. */
export function githubAnnotations(result: CompareResult, run: RunFile): string[] {
  const lines = new Map(run.tests.map((t) => [t.id, t.line]));
  return result.tests
    .filter((v) => v.kind === 'regressed')
    .map((v) => {
      const line = lines.get(v.id);
      return `::error file=${escapeProperty(v.file)}${line === undefined ? '' : `,line=${line}`},title=Performance regression::${escapeData(formatVerdict(v))}`;
    });
}

/** Appends markdown to the job summary when running in GitHub Actions. */
export function appendStepSummary(env: NodeJS.ProcessEnv, markdown: string): boolean {
  const file = env.GITHUB_STEP_SUMMARY;
  if (!file) return false;
  fs.appendFileSync(file, `${markdown}\n`);
  return true;
}
