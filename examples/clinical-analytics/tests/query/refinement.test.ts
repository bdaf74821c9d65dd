import { type LlmFailureStep, llmFailure } from '@jest-perf/llm-mock';
import { Table, Utf8, vectorFromArray } from 'apache-arrow';
import type { ParsePayload } from '../../src/llm/features';
import { DataContext } from '../../src/query/dataContext';
import type { QueryEngine } from '../../src/query/QueryEngine';
import type { Filter } from '../../src/query/types';
import { describeWithLlmMock, useExampleLlm } from '../fixtures/llm';
import { createQueryEngine, smallQueryContext } from '../fixtures/queryEngine';

// Each test parses a question (PARSE + FILTER_EXTRACTION) and refines it (FILTER_EXTRACTION). The
// model's answers are scripted on the LLM mock; they are what the LLM stand-in answers, so with
// JEST_PERF_LLM_MOCK=off (live calls to OLLAMA_HOST) the same assertions hold. What is tested is the
// engine's merge (mergeFilters) and what it keeps of the previous query.
const { mock } = useExampleLlm();

const extraction = (filters: Filter[], removeFields: string[] = []) => ({ filters, removeFields });
const parsed = (payload: Partial<ParsePayload>): ParsePayload => ({
  intent: 'count',
  datasets: [],
  groupBy: null,
  measure: null,
  ...payload,
});
const AGE_OVER_65: Filter = { field: 'age', op: 'gt', value: 65 };
const WOMEN: Filter = { field: 'sex', op: 'eq', value: 'F' };

/** The model's FILTER_EXTRACTION answers (or failures), one per call, in order; one call too many fails the test. */
function extractions(...answers: (ReturnType<typeof extraction> | LlmFailureStep)[]): void {
  mock.respondSequence('FILTER_EXTRACTION', answers);
}

let context: DataContext;
let engine: QueryEngine;

beforeAll(() => {
  context = smallQueryContext();
});

beforeEach(() => {
  engine = createQueryEngine(context);
});

describe('query refinement through the LLM', () => {
  it('adds a sex filter with "now only women"', async () => {
    mock.respond('PARSE', parsed({ datasets: ['statin', 'dexa'] }));
    extractions(extraction([AGE_OVER_65]), extraction([WOMEN]));
    await engine.parse('how many statin users over 65 had a DEXA scan?');
    const refined = await engine.refine('now only women');
    expect(refined.filters).toEqual([AGE_OVER_65, WOMEN]);
    expect(refined.datasets).toEqual(['statin', 'dexa']);
    expect(refined.question).toBe('how many statin users over 65 had a DEXA scan? | now only women');
    expect(engine.previousQuery).toEqual(refined);
  });

  it('replaces the age bound with "over 70 instead"', async () => {
    extractions(extraction([AGE_OVER_65, WOMEN]), extraction([{ field: 'age', op: 'gt', value: 70 }]));
    await engine.parse('how many women over 65 take a statin?');
    const refined = await engine.refine('over 70 instead');
    expect(refined.filters).toEqual([WOMEN, { field: 'age', op: 'gt', value: 70 }]);
  });

  it('switches sex with "what about men?"', async () => {
    extractions(
      extraction([{ field: 't_score', op: 'lte', value: -2.5 }, WOMEN]),
      extraction([{ field: 'sex', op: 'eq', value: 'M' }]),
    );
    await engine.parse('how many women have osteoporosis?');
    const refined = await engine.refine('what about men?');
    expect(refined.filters).toContainEqual({ field: 'sex', op: 'eq', value: 'M' });
    expect(refined.filters).not.toContainEqual(WOMEN);
  });

  it('drops a field with "regardless of sex"', async () => {
    const over50: Filter = { field: 'age', op: 'gt', value: 50 };
    extractions(extraction([over50, { field: 'sex', op: 'eq', value: 'M' }]), extraction([], ['sex']));
    await engine.parse('how many men over 50 smoke?');
    const refined = await engine.refine('regardless of sex');
    expect(refined.filters.map((f) => f.field)).not.toContain('sex');
    expect(refined.filters).toContainEqual(over50);
  });

  it('keeps the intent and group-by of the previous query', async () => {
    mock.respond('PARSE', parsed({ intent: 'group_count', datasets: ['statin'], groupBy: 'region' }));
    extractions(extraction([]), extraction([{ field: 'age', op: 'gt', value: 75 }]));
    await engine.parse('number of statin users by region');
    const refined = await engine.refine('only those over 75');
    expect(refined).toMatchObject({ intent: 'group_count', groupBy: 'region' });
    expect(refined.filters).toEqual([{ field: 'age', op: 'gt', value: 75 }]);
  });

  it('chains two refinements', async () => {
    const atorvastatin: Filter = { field: 'drug', op: 'eq', value: 'atorvastatin' };
    const under60: Filter = { field: 'age', op: 'lt', value: 60 };
    extractions(extraction([atorvastatin]), extraction([WOMEN]), extraction([under60]));
    await engine.parse('how many patients take atorvastatin?');
    await engine.refine('only women');
    const refined = await engine.refine('and under 60');
    expect(refined.filters).toEqual([atorvastatin, WOMEN, under60]);
  });

  it('narrows the count when refining', async () => {
    extractions(extraction([AGE_OVER_65]), extraction([{ field: 'smoker', op: 'eq', value: true }]));
    const before = engine.execute(await engine.parse('how many patients over 65?'));
    const after = engine.execute(await engine.refine('now only smokers'));
    expect(after.cohortSize).toBeLessThan(before.cohortSize);
    expect(after.cohortSize).toBeGreaterThan(0);
  });

  it('replaces a drug with another', async () => {
    extractions(
      extraction([{ field: 'drug', op: 'eq', value: 'simvastatin' }]),
      extraction([{ field: 'drug', op: 'eq', value: 'rosuvastatin' }]),
    );
    await engine.parse('how many patients on simvastatin?');
    const refined = await engine.refine('rosuvastatin instead');
    expect(refined.filters).toEqual([{ field: 'drug', op: 'eq', value: 'rosuvastatin' }]);
  });

  it('forgets the previous query on reset', async () => {
    await engine.parse('how many patients over 65?');
    engine.reset();
    await expect(engine.refine('only women')).rejects.toMatchObject({ code: 'NO_PREVIOUS_QUERY' });
  });
});

describe('query refinement without a previous query', () => {
  it('refuses to refine, without calling the LLM', async () => {
    const patients = new Table({ patient_id: vectorFromArray(['P0000001'], new Utf8()) });
    const lonely = createQueryEngine(new DataContext([{ name: 'patients', table: patients, key: 'patient_id' }]));
    await expect(lonely.refine('now only women')).rejects.toThrow('no question was asked before');
  });
});

describeWithLlmMock('query refinement: what the engine sends, and failed refinements', () => {
  it('refines with one FILTER_EXTRACTION call that carries the previous filters', async () => {
    extractions(extraction([AGE_OVER_65]), extraction([WOMEN]));
    await engine.parse('how many patients over 65?');
    await engine.refine('now only women');
    expect(mock.calls.map((c) => c.feature)).toEqual(['PARSE', 'FILTER_EXTRACTION', 'FILTER_EXTRACTION']);
    expect(mock.callsFor('FILTER_EXTRACTION')[1]?.user).toBe(
      `Question: now only women\nCurrent filters: ${JSON.stringify([AGE_OVER_65])}`,
    );
  });

  it('keeps the previous query when the refinement call times out', async () => {
    extractions(extraction([AGE_OVER_65]), llmFailure('timeout'));
    const previous = await engine.parse('how many patients over 65?');
    await expect(engine.refine('now only women')).rejects.toMatchObject({
      code: 'LLM_FAILED',
      cause: { code: 'LLM_TIMEOUT' },
    });
    expect(engine.previousQuery).toEqual(previous);
  });

  it('keeps the previous query when the refinement names a field the data does not have', async () => {
    extractions(extraction([AGE_OVER_65]), extraction([{ field: 'eye_colour', op: 'eq', value: 'blue' }]));
    const previous = await engine.parse('how many patients over 65?');
    await expect(engine.refine('only blue eyes')).rejects.toMatchObject({ code: 'UNKNOWN_FIELD' });
    expect(engine.previousQuery).toEqual(previous);
  });

  it('explains a failed refinement instead of throwing, with askRefinement', async () => {
    extractions(extraction([AGE_OVER_65]), llmFailure('malformed'));
    await engine.parse('how many patients over 65?');
    const outcome = await engine.askRefinement('now only women');
    expect(outcome).toMatchObject({ kind: 'failed', error: { code: 'LLM_FAILED' } });
    expect(mock.callsFor('ERROR_TRANSLATION')[0]?.user).toContain('Error code: LLM_FAILED');
  });

  it('answers a refinement with askRefinement, without follow-ups', async () => {
    extractions(extraction([AGE_OVER_65]), extraction([WOMEN]));
    await engine.parse('how many patients over 65?');
    const outcome = await engine.askRefinement('now only women');
    expect(outcome).toMatchObject({ kind: 'answered', followups: [], query: { filters: [AGE_OVER_65, WOMEN] } });
    expect(mock.callsFor('FOLLOWUPS')).toEqual([]);
  });
});
