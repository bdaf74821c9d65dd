import * as path from 'node:path';
import { parseCases, scoreCase, scoreCorpus } from '../precision';

const CORPUS = path.join(__dirname, 'corpus');

describe('the labelled corpus of realistic test code', () => {
  const score = scoreCorpus(CORPUS);

  it('holds enough cases to measure precision on', () => {
    expect(score.cases.length).toBeGreaterThanOrEqual(40);
    expect(score.truePositives + score.falseNegatives).toBeGreaterThanOrEqual(15);
  });

  it.each(score.cases.map((c) => [c.name, c] as const))('%s: reports exactly what its labels expect', (_, c) => {
    expect(c.reported).toEqual(c.expected);
  });
});

describe('scoring', () => {
  it('splits cases on their headers and counts false positives and negatives', () => {
    const cases = parseCases(
      "// ==== a.test.ts\nserver.listen(3000); // expect: fixed-port\n// ==== b.test.ts\nconst dir = '/tmp/x';\n",
    );

    expect(cases.map((c) => c.name)).toEqual(['a.test.ts', 'b.test.ts']);
    expect(scoreCase('b.test.ts', cases[1]?.source ?? '')).toEqual({
      name: 'b.test.ts',
      expected: [],
      reported: ['1 shared-tmp-path'],
    });
  });
});
