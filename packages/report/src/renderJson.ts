import type { Report } from './buildReport';

/** The report as `jest-perf report --format json` prints it: the model itself, indented, with a final newline. */
export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
