import type { DataContext } from '../../src/query/dataContext';
import type { QueryEngine } from '../../src/query/QueryEngine';
import type { Filter } from '../../src/query/types';
import { describeWithLlmMock, useExampleLlm } from '../fixtures/llm';
import { createQueryEngine, smallQueryContext } from '../fixtures/queryEngine';

// FILTER_EXTRACTION answers come from the LLM mock. With JEST_PERF_LLM_MOCK=off they come from the
// server in OLLAMA_HOST instead; the scripted answers below are what the LLM stand-in answers, so the
// same assertions hold both ways.
const { mock } = useExampleLlm();

const extraction = (filters: Filter[], removeFields: string[] = []) => ({ filters, removeFields });

let context: DataContext;
let engine: QueryEngine;

beforeAll(() => {
  context = smallQueryContext();
});

beforeEach(() => {
  engine = createQueryEngine(context);
});

describe('filter extraction through the LLM', () => {
  // Question → the model's answer. Values of every shape the schema allows: numbers, negative
  // decimals, strings, booleans, lists; fields of every dataset.
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
    [
      'diabetic women over 60 on simvastatin with a DEXA scan of the spine',
      [
        { field: 'test_code', op: 'eq', value: 'HBA1C' },
        { field: 'result_value', op: 'gte', value: 48 },
        { field: 'age', op: 'gt', value: 60 },
        { field: 'sex', op: 'eq', value: 'F' },
        { field: 'drug', op: 'eq', value: 'simvastatin' },
        { field: 'site', op: 'eq', value: 'Lumbar spine' },
      ],
    ],
  ];

  it.each(cases)('accepts and returns the filters extracted from "%s"', async (question, expected) => {
    mock.respond('FILTER_EXTRACTION', extraction(expected));
    const { filters, removeFields } = await engine.extractFilters(question);
    expect(filters).toEqual(expect.arrayContaining(expected));
    expect(filters).toHaveLength(expected.length);
    expect(removeFields).toEqual([]);
    for (const filter of filters) expect(() => context.field(filter.field)).not.toThrow();
  });

  it('extracts no filters from a question without conditions', async () => {
    mock.respond('FILTER_EXTRACTION', extraction([]));
    expect((await engine.extractFilters('how many patients are there?')).filters).toEqual([]);
  });
});

describeWithLlmMock('filter extraction: what the engine sends, and failed answers', () => {
  it('sends the question, no current filters and the fields of the loaded data', async () => {
    await engine.extractFilters('women over 65');
    const [call, ...more] = mock.callsFor('FILTER_EXTRACTION');
    expect(more).toEqual([]);
    expect(call?.user).toBe('Question: women over 65\nCurrent filters: []');
    expect(call?.system).toMatch(/^Task: FILTER_EXTRACTION\./);
    for (const field of ['age (numeric, dataset patients)', 'drug (text, dataset statin)', 't_score', 'duration_min'])
      expect(call?.system).toContain(`- ${field}`);
    expect(call?.timeoutMs).toBe(30_000);
  });

  it('sends the filters a refinement builds on', async () => {
    await engine.extractFilters('only women', [{ field: 'age', op: 'gt', value: 65 }]);
    expect(mock.callsFor('FILTER_EXTRACTION')[0]?.user).toBe(
      'Question: only women\nCurrent filters: [{"field":"age","op":"gt","value":65}]',
    );
  });

  it('returns the fields the model says to stop filtering on', async () => {
    mock.respond('FILTER_EXTRACTION', extraction([], ['sex']));
    await expect(engine.extractFilters('regardless of sex')).resolves.toEqual({ filters: [], removeFields: ['sex'] });
  });

  it.each([
    ['timeout', 'LLM_TIMEOUT', 'no answer from'],
    ['error', 'LLM_UNREACHABLE', 'cannot reach the LLM server'],
    ['malformed', 'LLM_MALFORMED_JSON', 'not valid JSON'],
    ['http_error', 'LLM_HTTP_ERROR', 'HTTP 500'],
  ] as const)('reports a %s as LLM_FAILED, with the client error as cause', async (kind, code, text) => {
    mock.fail('FILTER_EXTRACTION', kind);
    const failure = engine.extractFilters('women over 65');
    await expect(failure).rejects.toMatchObject({ code: 'LLM_FAILED', cause: { code } });
    await expect(failure).rejects.toThrow(text);
  });

  it('rejects an answer that does not match the schema', async () => {
    mock.respond('FILTER_EXTRACTION', extraction([{ field: 'Age (yrs)', op: 'gt', value: 65 }]));
    const failure = engine.extractFilters('over 65');
    await expect(failure).rejects.toMatchObject({ code: 'LLM_FAILED', cause: { code: 'LLM_SCHEMA_MISMATCH' } });
    await expect(failure).rejects.toThrow('/filters/0/field');
  });

  it('refuses a parsed question whose filters use a field the data does not have', async () => {
    mock.respond('FILTER_EXTRACTION', extraction([{ field: 'eye_colour', op: 'eq', value: 'blue' }]));
    await expect(engine.parse('how many patients have blue eyes?')).rejects.toMatchObject({ code: 'UNKNOWN_FIELD' });
    expect(engine.previousQuery).toBeNull();
  });
});
