import type { Filter } from '../../src/query/types';
import { answerFor, detectFeature } from '../../src/standin/answers';
import { extractFilters } from '../../src/standin/extractFilters';
import { parseQuestion } from '../../src/standin/parseQuestion';

// The LLM stand-in's rules, tested directly (no server, no latency).
describe('LLM stand-in rules: extractFilters', () => {
  it.each([
    ['over 65', [{ field: 'age', op: 'gt', value: 65 }]],
    ['65+', [{ field: 'age', op: 'gte', value: 65 }]],
    [
      'aged 40-60',
      [
        { field: 'age', op: 'gte', value: 40 },
        { field: 'age', op: 'lte', value: 60 },
      ],
    ],
    ['younger than 30', [{ field: 'age', op: 'lt', value: 30 }]],
    ['aged 50', [{ field: 'age', op: 'eq', value: 50 }]],
    ['elderly patients', [{ field: 'age', op: 'gte', value: 65 }]],
    ['female patients', [{ field: 'sex', op: 'eq', value: 'F' }]],
    ['on Lipitor', [{ field: 'drug', op: 'eq', value: 'atorvastatin' }]],
    ['femoral neck scans', [{ field: 'site', op: 'eq', value: 'Femoral neck' }]],
    [
      'osteopenia',
      [
        { field: 't_score', op: 'gt', value: -2.5 },
        { field: 't_score', op: 'lte', value: -1 },
      ],
    ],
    ['BMI over 35', [{ field: 'bmi', op: 'gt', value: 35 }]],
    [
      'BMI between 25 and 30',
      [
        { field: 'bmi', op: 'gte', value: 25 },
        { field: 'bmi', op: 'lte', value: 30 },
      ],
    ],
    [
      'HbA1c of at least 48',
      [
        { field: 'test_code', op: 'eq', value: 'HBA1C' },
        { field: 'result_value', op: 'gte', value: 48 },
      ],
    ],
    [
      'vitamin D deficiency',
      [
        { field: 'test_code', op: 'eq', value: 'VITD' },
        { field: 'result_value', op: 'lt', value: 30 },
      ],
    ],
    [
      'high cholesterol',
      [
        { field: 'test_code', op: 'eq', value: 'LDL' },
        { field: 'result_value', op: 'gt', value: 4.1 },
      ],
    ],
    ['with a follow-up booked', [{ field: 'follow_up', op: 'eq', value: true }]],
  ] as [string, Filter[]][])('reads "%s"', (question, expected) => {
    expect(extractFilters(question).filters).toEqual(expected);
  });

  it('does not read a BMI threshold as an age', () => {
    expect(extractFilters('women over 65 with BMI over 30').filters).toEqual(
      expect.arrayContaining([
        { field: 'age', op: 'gt', value: 65 },
        { field: 'bmi', op: 'gt', value: 30 },
      ]),
    );
  });

  it('adds no sex filter for "men and women" and drops the field', () => {
    expect(extractFilters('men and women over 50')).toEqual({
      filters: [{ field: 'age', op: 'gt', value: 50 }],
      removeFields: ['sex'],
    });
  });

  it('reads "drop the age filter" as a removal', () => {
    expect(extractFilters('drop the age filter').removeFields).toEqual(['age']);
  });

  it('ignores ages beyond 120', () => {
    expect(extractFilters('over 500').filters).toEqual([]);
  });
});

describe('LLM stand-in rules: parseQuestion', () => {
  it('finds required datasets and a count intent', () => {
    expect(parseQuestion('how many statin users over 65 had a DEXA scan?')).toEqual({
      intent: 'count',
      datasets: ['statin', 'dexa'],
      groupBy: null,
      measure: null,
    });
  });

  it('reads a breakdown', () => {
    expect(parseQuestion('patients by smoking status')).toMatchObject({ intent: 'group_count', groupBy: 'smoker' });
  });

  it('reads an average', () => {
    expect(parseQuestion('mean BMI of smokers')).toMatchObject({ intent: 'describe', measure: 'bmi' });
  });

  it('gives up on unrelated questions', () => {
    expect(parseQuestion('tell me a joke').intent).toBe('unknown');
  });
});

describe('LLM stand-in rules: features', () => {
  it('detects the feature from the Task line', () => {
    expect(detectFeature('Task: FOLLOWUPS. You help...')).toBe('FOLLOWUPS');
  });

  it('falls back to the first feature named', () => {
    expect(detectFeature('Do RESULT_INTERPRETATION please')).toBe('RESULT_INTERPRETATION');
  });

  it('returns null when no feature is named', () => {
    expect(detectFeature('hello')).toBeNull();
  });

  it('interprets a count result with a percentage', () => {
    expect(
      answerFor('RESULT_INTERPRETATION', 'Question: q\nResult: {"kind":"count","cohortSize":50,"populationSize":200}'),
    ).toEqual({
      summary: '50 of 200 patients (25.0%) match the question.',
    });
  });

  it('suggests follow-ups that do not repeat the question', () => {
    const { followups } = answerFor(
      'FOLLOWUPS',
      'Question: q\nParsed query: {"filters":[{"field":"sex"}],"datasets":["statin"],"groupBy":null}',
    );
    expect(followups).not.toContain('How many of them are women?');
    expect(followups).toHaveLength(3);
  });
});
