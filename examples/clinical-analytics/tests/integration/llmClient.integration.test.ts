/** @tags slow, integration, real_llm */
import * as llm from '../../src/llm/callLlm';
import { LLM_FEATURES, type LlmFeature } from '../../src/llm/features';
import { validatePayload } from '../../src/llm/schemas';
import { systemPrompt } from '../../src/query/prompts';
import { describeWithLlmServer, faultyModel, itWithStandin, llmHost } from '../fixtures/llm';
import { closedPortUrl, timeoutOptions } from './llmServer';

// The real client against the LLM server in OLLAMA_HOST (the stand-in globalSetup starts, or a real
// Ollama): `pnpm --filter clinical-analytics test:integration-llm`. Fault modes need the stand-in.
const QUESTION = 'Question: how many women over 65 take a statin?';
const USER: Record<LlmFeature, string> = {
  PARSE: QUESTION,
  FILTER_EXTRACTION: `${QUESTION}\nCurrent filters: []`,
  FOLLOWUPS: `${QUESTION}\nParsed query: {"intent":"count","datasets":["statin"],"groupBy":null,"measure":null,"filters":[]}`,
  RESULT_INTERPRETATION: `${QUESTION}\nResult: {"kind":"count","cohortSize":120,"populationSize":1000}`,
  ERROR_TRANSLATION: `${QUESTION}\nError code: UNKNOWN_FIELD\nError: Unknown field "eye_colour"`,
};

describeWithLlmServer('callLlm against the LLM server in OLLAMA_HOST', () => {
  it.each(LLM_FEATURES.map((f) => [f]))('gets a valid %s payload', async (feature) => {
    const result = await llm.callLlm(feature, systemPrompt(feature, [], []), USER[feature], { host: llmHost() });
    expect(result.error).toBeNull();
    expect(validatePayload(feature, result.payload).ok).toBe(true);
    expect(JSON.parse(result.rawText)).toEqual(result.payload);
    expect(result.latencyMs).toBeGreaterThan(0);
  });

  it('reports a timeout without throwing', async () => {
    const options = timeoutOptions();
    const result = await llm.callLlm('PARSE', systemPrompt('PARSE', [], []), QUESTION, options);
    expect(result).toMatchObject({ payload: null, timedOut: true, error: { code: 'LLM_TIMEOUT' } });
    expect(result.error?.message).toContain(`within ${options.timeoutMs} ms`);
    expect(result.latencyMs).toBeLessThan(5_000);
  });

  itWithStandin('reports a malformed JSON answer in error, keeping the raw text', async () => {
    const result = await llm.callLlm('PARSE', systemPrompt('PARSE', [], []), QUESTION, {
      model: faultyModel('malformed'),
    });
    expect(result).toMatchObject({ payload: null, timedOut: false, error: { code: 'LLM_MALFORMED_JSON' } });
    expect(result.rawText.length).toBeGreaterThan(0);
  });

  itWithStandin('reports a dropped connection as unreachable', async () => {
    const result = await llm.callLlm('PARSE', 'Task: PARSE', QUESTION, { model: faultyModel('down') });
    expect(result.error?.code).toBe('LLM_UNREACHABLE');
  });

  it('reports a server that is not running as unreachable, naming its URL', async () => {
    const host = await closedPortUrl();
    const result = await llm.callLlm('PARSE', 'Task: PARSE', QUESTION, { host });
    expect(result).toMatchObject({ payload: null, timedOut: false, error: { code: 'LLM_UNREACHABLE' } });
    expect(result.error?.message).toContain(host);
  });
});
