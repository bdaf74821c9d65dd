import { buildReport } from '../buildReport';
import { renderJson } from '../renderJson';
import { makeRun, makeTest } from './helpers/runs';

describe('renderJson', () => {
  it('prints the report model itself, indented two spaces, ending in a newline', () => {
    const report = buildReport({
      run: makeRun({ tests: [makeTest({ title: 'a', durationMs: 40_000 })] }),
      comparison: null,
      trends: null,
    });

    const text = renderJson(report);

    expect(text.endsWith('}\n')).toBe(true);
    expect(text.startsWith('{\n  "summary": {\n    "runId": ')).toBe(true);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(report)));
  });
});
