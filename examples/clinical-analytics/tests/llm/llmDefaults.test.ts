import { createLlmMock, describeLlmContract } from '@jest-perf/llm-mock';
import { payloadSchemas } from '../../src/llm/schemas';
import { answerFor } from '../../src/standin/answers';
import { clinicalDefaults, clinicalPrompts } from '../fixtures/llmDefaults';

// The mock's defaults must be answers the app accepts: a mock that answers what the app rejects tests nothing.
describeLlmContract({
  title: "the LLM mock's default answers against the app's payload schemas",
  schemas: payloadSchemas,
  defaults: clinicalDefaults,
  prompts: clinicalPrompts,
});

describe('clinicalDefaults', () => {
  it('answers as the LLM stand-in does, through the mock as a successful result', async () => {
    const mock = createLlmMock({ defaults: clinicalDefaults, schemas: payloadSchemas });
    const user = 'Question: how many women over 65?\nCurrent filters: []';
    const result = await mock.call('FILTER_EXTRACTION', 'Task: FILTER_EXTRACTION', user);
    expect(result.error).toBeNull();
    expect(result.payload).toEqual(answerFor('FILTER_EXTRACTION', user));
    expect(result.payload?.filters).toEqual([
      { field: 'age', op: 'gt', value: 65 },
      { field: 'sex', op: 'eq', value: 'F' },
    ]);
    expect(JSON.parse(result.rawText)).toEqual(result.payload);
  });

  it('has a responder and representative prompts for every feature', () => {
    expect(Object.keys(clinicalPrompts)).toEqual(Object.keys(clinicalDefaults));
  });
});
