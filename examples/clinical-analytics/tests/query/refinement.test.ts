import { Table, Utf8, vectorFromArray } from 'apache-arrow';
import type { LoadedDataset } from '../../src/datasets/loadDataset';
import { DataContext } from '../../src/query/dataContext';
import type { QueryEngine } from '../../src/query/QueryEngine';
import { dataContextOf, discoveredDatasets } from '../fixtures/datasets';
import { createQueryEngine } from '../fixtures/queryEngine';

// Each test parses a question (PARSE + FILTER_EXTRACTION) and refines it (FILTER_EXTRACTION),
// all real calls to the server in OLLAMA_HOST.
describe('query refinement through the LLM @real_llm', () => {
  let datasets: Map<string, LoadedDataset>;
  let context: DataContext;
  let engine: QueryEngine;

  beforeAll(async () => {
    datasets = await discoveredDatasets();
    context = dataContextOf(datasets);
  });

  beforeEach(() => {
    engine = createQueryEngine(context);
  });

  it('adds a sex filter with "now only women" @real_llm', async () => {
    await engine.parse('how many statin users over 65 had a DEXA scan?');
    const refined = await engine.refine('now only women');
    expect(refined.filters).toEqual([
      { field: 'age', op: 'gt', value: 65 },
      { field: 'sex', op: 'eq', value: 'F' },
    ]);
    expect(refined.datasets).toEqual(['statin', 'dexa']);
    expect(refined.question).toBe('how many statin users over 65 had a DEXA scan? | now only women');
    expect(engine.previousQuery).toEqual(refined);
  });

  it('replaces the age bound with "over 70 instead" @real_llm', async () => {
    await engine.parse('how many women over 65 take a statin?');
    const refined = await engine.refine('over 70 instead');
    expect(refined.filters).toEqual([
      { field: 'sex', op: 'eq', value: 'F' },
      { field: 'age', op: 'gt', value: 70 },
    ]);
  });

  it('switches sex with "what about men?" @real_llm', async () => {
    await engine.parse('how many women have osteoporosis?');
    const refined = await engine.refine('what about men?');
    expect(refined.filters).toContainEqual({ field: 'sex', op: 'eq', value: 'M' });
    expect(refined.filters).not.toContainEqual({ field: 'sex', op: 'eq', value: 'F' });
  });

  it('drops a field with "regardless of sex" @real_llm', async () => {
    await engine.parse('how many men over 50 smoke?');
    const refined = await engine.refine('regardless of sex');
    expect(refined.filters.map((f) => f.field)).not.toContain('sex');
    expect(refined.filters).toContainEqual({ field: 'age', op: 'gt', value: 50 });
  });

  it('keeps the intent and group-by of the previous query @real_llm', async () => {
    await engine.parse('number of statin users by region');
    const refined = await engine.refine('only those over 75');
    expect(refined).toMatchObject({ intent: 'group_count', groupBy: 'region' });
    expect(refined.filters).toEqual([{ field: 'age', op: 'gt', value: 75 }]);
  });

  it('chains two refinements @real_llm @slow', async () => {
    await engine.parse('how many patients take atorvastatin?');
    await engine.refine('only women');
    const refined = await engine.refine('and under 60');
    expect(refined.filters).toEqual([
      { field: 'drug', op: 'eq', value: 'atorvastatin' },
      { field: 'sex', op: 'eq', value: 'F' },
      { field: 'age', op: 'lt', value: 60 },
    ]);
  });

  it('narrows the count when refining @real_llm', async () => {
    const before = engine.execute(await engine.parse('how many patients over 65?'));
    const after = engine.execute(await engine.refine('now only smokers'));
    expect(after.cohortSize).toBeLessThan(before.cohortSize);
    expect(after.cohortSize).toBeGreaterThan(0);
  });

  it('replaces a drug with another @real_llm', async () => {
    await engine.parse('how many patients on simvastatin?');
    const refined = await engine.refine('rosuvastatin instead');
    expect(refined.filters).toEqual([{ field: 'drug', op: 'eq', value: 'rosuvastatin' }]);
  });

  it('forgets the previous query on reset @real_llm', async () => {
    await engine.parse('how many patients over 65?');
    engine.reset();
    await expect(engine.refine('only women')).rejects.toMatchObject({ code: 'NO_PREVIOUS_QUERY' });
  });
});

describe('query refinement without a previous query', () => {
  it('refuses to refine, without calling the LLM', async () => {
    const patients = new Table({ patient_id: vectorFromArray(['P0000001'], new Utf8()) });
    const engine = createQueryEngine(new DataContext([{ name: 'patients', table: patients, key: 'patient_id' }]));
    await expect(engine.refine('now only women')).rejects.toThrow('no question was asked before');
  });
});
