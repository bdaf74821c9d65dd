/** @tags real_llm */
import type { LoadedDataset } from '../../src/datasets/loadDataset';
import type { DataContext } from '../../src/query/dataContext';
import type { QueryEngine } from '../../src/query/QueryEngine';
import type { Filter } from '../../src/query/types';
import { dataContextOf, discoveredDatasets } from '../fixtures/datasets';
import { createQueryEngine } from '../fixtures/queryEngine';

// Each case is one real FILTER_EXTRACTION call to the server in OLLAMA_HOST.
describe('filter extraction through the LLM', () => {
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

  const cases: [string, Filter[]][] = [
    ['how many patients over 65?', [{ field: 'age', op: 'gt', value: 65 }]],
    [
      'women aged 65 or older',
      [
        { field: 'age', op: 'gte', value: 65 },
        { field: 'sex', op: 'eq', value: 'F' },
      ],
    ],
    [
      'men between 50 and 70',
      [
        { field: 'age', op: 'gte', value: 50 },
        { field: 'age', op: 'lte', value: 70 },
        { field: 'sex', op: 'eq', value: 'M' },
      ],
    ],
    ['how many take atorvastatin?', [{ field: 'drug', op: 'eq', value: 'atorvastatin' }]],
    ['patients on Crestor or Zocor', [{ field: 'drug', op: 'in', value: ['simvastatin', 'rosuvastatin'] }]],
    ['statin doses of at least 40 mg', [{ field: 'dose_mg', op: 'gte', value: 40 }]],
    [
      'women with osteoporosis at the hip',
      [
        { field: 't_score', op: 'lte', value: -2.5 },
        { field: 'sex', op: 'eq', value: 'F' },
        { field: 'site', op: 'eq', value: 'Total hip' },
      ],
    ],
    [
      'lumbar spine T-score below -2',
      [
        { field: 't_score', op: 'lt', value: -2 },
        { field: 'site', op: 'eq', value: 'Lumbar spine' },
      ],
    ],
    [
      'patients with LDL above 4.5',
      [
        { field: 'test_code', op: 'eq', value: 'LDL' },
        { field: 'result_value', op: 'gt', value: 4.5 },
      ],
    ],
    [
      'obese smokers over 50',
      [
        { field: 'bmi', op: 'gte', value: 30 },
        { field: 'age', op: 'gt', value: 50 },
        { field: 'smoker', op: 'eq', value: true },
      ],
    ],
    [
      'non-smokers in the north region',
      [
        { field: 'smoker', op: 'eq', value: false },
        { field: 'region', op: 'eq', value: 'North' },
      ],
    ],
    [
      'cardiology clinic visits longer than 45 minutes',
      [
        { field: 'duration_min', op: 'gt', value: 45 },
        { field: 'clinic', op: 'eq', value: 'Cardiology' },
      ],
    ],
  ];

  it.each(cases)('extracts the filters of "%s" @real_llm', async (question, expected) => {
    const { filters } = await engine.extractFilters(question);
    expect(filters).toEqual(expect.arrayContaining(expected));
    expect(filters).toHaveLength(expected.length);
  });

  it('extracts no filters from a question without conditions @real_llm', async () => {
    expect((await engine.extractFilters('how many patients are there?')).filters).toEqual([]);
  });

  it('only uses fields the data has @real_llm', async () => {
    const { filters } = await engine.extractFilters(
      'diabetic women over 60 on simvastatin with a DEXA scan of the spine',
    );
    for (const filter of filters) expect(() => context.field(filter.field)).not.toThrow();
    expect(filters.length).toBeGreaterThanOrEqual(4);
  });
});
