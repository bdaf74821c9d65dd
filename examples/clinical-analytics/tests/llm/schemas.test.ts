import Ajv from 'ajv';
import { LLM_FEATURES, type LlmFeature } from '../../src/llm/features';
import { payloadSchemas, validatePayload } from '../../src/llm/schemas';

const validPayloads: Record<LlmFeature, unknown> = {
  PARSE: { intent: 'count', datasets: ['statin'], groupBy: null, measure: null },
  FILTER_EXTRACTION: { filters: [{ field: 'age', op: 'gt', value: 65 }], removeFields: [] },
  FOLLOWUPS: { followups: ['Only women?'] },
  RESULT_INTERPRETATION: { summary: '12 patients match.' },
  ERROR_TRANSLATION: { message: 'Unknown field.', suggestion: 'Ask about age.' },
};

describe('LLM payload schemas', () => {
  let ajv: Ajv;

  // A fresh strict Ajv compiling every schema, per test.
  beforeEach(() => {
    ajv = new Ajv({ allErrors: true, strict: true });
    for (const feature of LLM_FEATURES) ajv.compile(payloadSchemas[feature]);
  });

  it('has a schema for every feature', () => {
    expect(Object.keys(payloadSchemas).sort()).toEqual([...LLM_FEATURES].sort());
  });

  it.each(LLM_FEATURES.map((f) => [f]))('accepts a valid %s payload', (feature) => {
    expect(validatePayload(feature, validPayloads[feature])).toEqual({ ok: true, payload: validPayloads[feature] });
  });

  it('compiles every schema in strict mode', () => {
    for (const feature of LLM_FEATURES) expect(ajv.getSchema(payloadSchemas[feature].$id)).toBeDefined();
  });

  it('rejects an unknown intent, naming the path', () => {
    const check = validatePayload('PARSE', { ...(validPayloads.PARSE as object), intent: 'dance' });
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.errors[0]).toContain('/intent');
  });

  it('rejects extra properties', () => {
    expect(validatePayload('RESULT_INTERPRETATION', { summary: 'x', confidence: 0.9 }).ok).toBe(false);
  });

  it('rejects an unknown filter operator', () => {
    expect(
      validatePayload('FILTER_EXTRACTION', { filters: [{ field: 'age', op: 'approx', value: 65 }], removeFields: [] })
        .ok,
    ).toBe(false);
  });

  it('accepts list values for "in" filters', () => {
    const payload = {
      filters: [{ field: 'drug', op: 'in', value: ['atorvastatin', 'simvastatin'] }],
      removeFields: [],
    };
    expect(validatePayload('FILTER_EXTRACTION', payload).ok).toBe(true);
  });

  it('rejects an empty list value', () => {
    expect(
      validatePayload('FILTER_EXTRACTION', { filters: [{ field: 'drug', op: 'in', value: [] }], removeFields: [] }).ok,
    ).toBe(false);
  });

  it('rejects field names that are not snake_case', () => {
    expect(
      validatePayload('FILTER_EXTRACTION', { filters: [{ field: 'Age', op: 'gt', value: 1 }], removeFields: [] }).ok,
    ).toBe(false);
  });

  it('limits follow-ups to five', () => {
    expect(validatePayload('FOLLOWUPS', { followups: Array.from({ length: 6 }, (_, i) => `Question ${i}?`) }).ok).toBe(
      false,
    );
  });

  it('rejects a payload that is not an object', () => {
    expect(validatePayload('ERROR_TRANSLATION', 'oops').ok).toBe(false);
  });
});
