import { checkReportSchema, validateWith } from '@jest-perf/core';
import { type CompareResult, compareRun, formatVerdict } from '@jest-perf/regression';
import { baselineOf, GATE_CONFIG, tracked } from '../../../report/src/__tests__/helpers/gateRuns';
import { makeFile, makeRun, makeTest } from '../../../report/src/__tests__/helpers/runs';
import { buildCheckView, type CheckView, toJson } from '../check/checkReport';
import { renderCheckMarkdown, renderCheckText } from '../check/renderCheck';

const FILE = 'src/a.test.ts';

function runOf(durations: Record<string, number>, runId = 'now') {
  const tests = Object.entries(durations).map(([title, durationMs]) => makeTest({ file: FILE, title, durationMs }));
  return tracked(makeRun({ runId, tests, files: [makeFile({ path: FILE, runtimeMs: 0 })] }));
}

const baseline = baselineOf(runOf({ t0: 1000, t1: 1000, t2: 1000, t3: 1000, t4: 1000, t5: 1000 }, 'b'));
/** Three regressions (+1000, +800, +600 ms), one improvement, one test gone, one new (confirmed: wall counts). */
const result: CompareResult = compareRun(
  baseline,
  runOf({ t0: 2000, t1: 1800, t2: 1600, t3: 500, t5: 1000, fresh: 300 }),
  { thresholds: GATE_CONFIG.thresholds, confirmed: true },
);
const view = (top: number): CheckView =>
  buildCheckView(result, { coverage: 'covers 5 of 6 baseline tests', top, thresholds: GATE_CONFIG.thresholds });

describe('buildCheckView', () => {
  it('lists at most top verdicts per kind, largest first, with complete counts', () => {
    const regressed = view(2).verdicts.find((list) => list.kind === 'regressed');
    const tests = regressed?.entries.filter((v) => 'id' in v).map((v) => ('id' in v ? v.id : ''));
    expect(regressed?.entries).toHaveLength(2);
    expect(regressed?.total).toBeGreaterThanOrEqual(3);
    expect(tests?.[0]).toBe(`${FILE} › t0`);
    expect(view(2).counts).toBe(result.summary);
    expect(view(2).verdicts.map((list) => list.kind)).toEqual([
      'regressed',
      'unconfirmed',
      'minor',
      'improved',
      'new',
      'missing',
    ]);
  });

  it('lists nothing with top 0 and still counts everything', () => {
    const empty = view(0);
    expect(empty.verdicts.every((list) => list.entries.length === 0)).toBe(true);
    expect(empty.counts.tests).toMatchObject({ regressed: 3, improved: 1, new: 1, missing: 1 });
    expect(empty.status).toBe('failed');
  });
});

describe('the three formats', () => {
  it('prints JSON that its schema in @jest-perf/core accepts', () => {
    const json = JSON.parse(JSON.stringify(toJson(view(10))));
    expect(() => validateWith(checkReportSchema, json, { what: 'check report', fix: '' })).not.toThrow();
    expect(json.verdicts[0].entries[0]).toMatchObject({ kind: 'regressed', scope: expect.any(String) });
    const skipped = { schemaVersion: 1, status: 'skipped', reason: 'Baseline not found' };
    expect(() => validateWith(checkReportSchema, skipped, { what: 'check report', fix: '' })).not.toThrow();
  });

  it('has the schema refuse a report a tool could misread', () => {
    const json = JSON.parse(JSON.stringify(toJson(view(10))));
    json.verdicts[0].entries[0].surprise = true;
    expect(() => validateWith(checkReportSchema, json, { what: 'check report', fix: '' })).toThrow('check report');
  });

  it('shows the same numbers in text, markdown and JSON: each renders the one view', () => {
    const v = view(2);
    const text = renderCheckText(v).join('\n');
    const markdown = renderCheckMarkdown(v);
    const json = toJson(v);
    if (json.status === 'skipped') throw new Error('unreachable');
    for (const [i, list] of v.verdicts.entries()) {
      for (const [j, verdict] of list.entries.entries()) {
        const entry = json.verdicts[i]?.entries[j];
        expect(entry).toMatchObject({ kind: verdict.kind, subject: 'id' in verdict ? verdict.id : verdict.suite });
        if ('deltaMs' in verdict) expect(entry?.deltaMs).toBe(verdict.deltaMs);
        expect(text).toContain(formatVerdict(verdict));
        expect(markdown).toContain(formatVerdict(verdict).split(': ').slice(1).join(': '));
      }
    }
  });

  it('says in text and markdown how many of a kind top hid', () => {
    const v = view(1);
    const hidden = (v.verdicts[0]?.total ?? 0) - 1;
    expect(renderCheckText(v)).toContain(`  … and ${hidden} more regressed (--top ${hidden + 1} lists them all)`);
    expect(renderCheckMarkdown(v)).toContain(`- … and ${hidden} more regressed (--top ${hidden + 1} lists them all)`);
  });

  it('renders markdown for a PR comment: a heading, a list per kind, the counts and the fix', () => {
    const markdown = renderCheckMarkdown(view(10));
    expect(markdown.split('\n')[0]).toBe('### Performance check FAILED');
    expect(markdown).toContain('Thresholds: tests 20 %, files 15 %, minimum impact 100 ms');
    expect(markdown).toMatch(/^\*\*regressed\*\* \(\d+\)$/m);
    expect(markdown).toContain(`- \`${FILE} › t0\`: 1.00 s → 2.00 s`);
    expect(markdown).toMatch(/^\*\*new\*\* \(1\)\n\n- `src\/a\.test\.ts › fresh`: new, 300 ms$/m);
    expect(markdown).toContain(
      'If the slowdown is intended, update the baseline: `npx jest-perf baseline --from-history 5`',
    );
  });
});
