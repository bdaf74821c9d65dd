import { checkContract } from '../contract/checkContract';
import { createLlmMock } from '../createLlmMock';
import { clinicalDefaults, clinicalPrompts } from '../presets/clinical';
import { errorTranslationAnswer, followupsAnswer, interpretationAnswer } from '../presets/clinical/answers';
import { extractFilters } from '../presets/clinical/filters';
import { parseAnswer } from '../presets/clinical/parse';
import { payloadSchemas } from './fixtures/clinicalSchemas';

describe('clinicalDefaults', () => {
  it('answers every representative prompt with a payload the example app schemas accept', async () => {
    expect(
      await checkContract({ schemas: payloadSchemas, defaults: clinicalDefaults, prompts: clinicalPrompts }),
    ).toEqual([]);
  });

  it('comes back through the mock as a successful result, rawText being the payload JSON', async () => {
    const mock = createLlmMock({ defaults: clinicalDefaults, schemas: payloadSchemas });
    const result = await mock.call(
      'FILTER_EXTRACTION',
      'Task: FILTER_EXTRACTION',
      'Question: how many women over 65?\nCurrent filters: []',
    );
    expect(result.error).toBeNull();
    expect(result.payload?.filters).toEqual([
      { field: 'age', op: 'gt', value: 65 },
      { field: 'sex', op: 'eq', value: 'F' },
    ]);
    expect(JSON.parse(result.rawText)).toEqual(result.payload);
  });
});

describe('PARSE preset', () => {
  it.each([
    ['How many women over 65 take a statin?', { intent: 'count', datasets: ['statin'], groupBy: null, measure: null }],
    ['Number of patients by region', { intent: 'group_count', datasets: [], groupBy: 'region', measure: null }],
    [
      'Average T-score of patients with a DEXA scan',
      { intent: 'describe', datasets: ['dexa'], groupBy: null, measure: 't_score' },
    ],
    ['hello there', { intent: 'unknown', datasets: [], groupBy: null, measure: null }],
  ])('reads %j', (question, expected) => {
    expect(parseAnswer(`Question: ${question}`)).toEqual(expected);
  });
});

describe('FILTER_EXTRACTION preset', () => {
  it('reads age ranges, BMI, sex and smoking without mistaking the BMI for an age', () => {
    expect(extractFilters('Question: men between 50 and 70 with a BMI over 30 who are smokers').filters).toEqual([
      { field: 'bmi', op: 'gt', value: 30 },
      { field: 'age', op: 'gte', value: 50 },
      { field: 'age', op: 'lte', value: 70 },
      { field: 'sex', op: 'eq', value: 'M' },
      { field: 'smoker', op: 'eq', value: true },
    ]);
  });

  it('reads named statins, DEXA sites, osteoporosis and fields to drop', () => {
    const { filters, removeFields } = extractFilters(
      'Question: osteoporosis at the hip or spine in patients 80 or older on simvastatin or crestor, regardless of sex, non-smokers',
    );
    expect(filters).toEqual([
      { field: 'age', op: 'gte', value: 80 },
      { field: 'drug', op: 'in', value: ['simvastatin', 'rosuvastatin'] },
      { field: 'site', op: 'in', value: ['Lumbar spine', 'Total hip'] },
      { field: 't_score', op: 'lte', value: -2.5 },
      { field: 'smoker', op: 'eq', value: false },
    ]);
    expect(removeFields).toEqual(['sex']);
  });

  it('takes neither a lab value nor a dose for an age, and leaves sex out for both sexes', () => {
    expect(
      extractFilters('LDL above 3.5 in men and women under 40 mg, elderly, obese, lipitor, femoral neck').filters,
    ).toEqual([
      { field: 'bmi', op: 'gte', value: 30 },
      { field: 'age', op: 'gte', value: 65 },
      { field: 'drug', op: 'eq', value: 'atorvastatin' },
      { field: 'site', op: 'eq', value: 'Femoral neck' },
    ]);
  });

  it('reads "under" ages and BMI below a bound', () => {
    expect(extractFilters('women under 40 with a bmi below 18.5').filters).toEqual([
      { field: 'bmi', op: 'lt', value: 18.5 },
      { field: 'age', op: 'lt', value: 40 },
      { field: 'sex', op: 'eq', value: 'F' },
    ]);
  });
});

describe('FOLLOWUPS preset', () => {
  it('suggests three questions about what the query does not cover yet', () => {
    expect(followupsAnswer('Question: x\nParsed query: {"datasets":[],"groupBy":null,"filters":[]}').followups).toEqual(
      ['How many of them are women?', 'Only patients over 65?', 'Break this down by region.'],
    );
  });

  it('still suggests two when the query covers everything', () => {
    const query = {
      datasets: ['statin', 'dexa'],
      groupBy: 'region',
      filters: [
        { field: 'sex', op: 'eq', value: 'F' },
        { field: 'age', op: 'gt', value: 65 },
      ],
    };
    expect(followupsAnswer(`Parsed query: ${JSON.stringify(query)}`).followups).toEqual([
      'Compare men and women.',
      'Show the same for the previous year.',
    ]);
  });
});

describe('RESULT_INTERPRETATION preset', () => {
  it.each([
    [
      { kind: 'count', cohortSize: 5120, populationSize: 10000 },
      '5,120 of 10,000 patients (51.2%) match the question.',
    ],
    [{ kind: 'count', cohortSize: 7, populationSize: 0 }, '7 patients match the question.'],
    [
      { kind: 'group_count', cohortSize: 300, field: 'region', groups: [{ value: 'North', count: 120 }] },
      '300 patients match; by region, the largest group is North with 120.',
    ],
    [
      { kind: 'group_count', cohortSize: 0, field: 'region', groups: [] },
      'No patients match, so there is nothing to break down.',
    ],
    [
      { kind: 'describe', field: 'age', summary: { count: 50, mean: 61.234, median: 60 } },
      'Across 50 age values the mean is 61.23 (median 60).',
    ],
    [{ kind: 'describe', field: 'age', summary: { count: 0, mean: null } }, 'The result could not be summarised.'],
  ])('sums up %j with its numbers', (result, summary) => {
    expect(interpretationAnswer(`Question: q\nResult: ${JSON.stringify(result)}`).summary).toBe(summary);
  });
});

describe('ERROR_TRANSLATION preset', () => {
  it('explains known app error codes to a clinician', () => {
    expect(errorTranslationAnswer('Question: x\nError code: NO_PREVIOUS_QUERY\nError: none').message).toBe(
      'There is no earlier question to refine.',
    );
  });

  it('falls back to the error text for unknown codes', () => {
    expect(errorTranslationAnswer('Question: x\nError code: DISK_FULL\nError: ENOSPC')).toEqual({
      message: 'Something went wrong: ENOSPC',
      suggestion: 'Rephrase the question, or ask a simpler one.',
    });
    expect(errorTranslationAnswer('nothing labelled').message).toBe('Something went wrong: an unexpected problem');
  });
});
