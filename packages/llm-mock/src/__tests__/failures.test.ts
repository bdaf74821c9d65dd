import { createLlmMock } from '../createLlmMock';
import { MALFORMED_TEXT } from '../results';
import { sampleDefaults } from './fixtures/sampleApp';

// jest-perf-audit-allow fixed-port: the mock only echoes the host in its results; nothing listens there
const mock = createLlmMock({ defaults: sampleDefaults, host: 'http://127.0.0.1:11434', model: 'llama3.2' });
beforeEach(() => mock.reset());

describe('simulated failures, shaped like the real client results', () => {
  it('times out as callLlm does: no text, timedOut, LLM_TIMEOUT naming host and timeout', async () => {
    const result = await mock.fail('PARSE', 'timeout').call('PARSE', 'Task: PARSE', 'Question: x', { timeoutMs: 300 });
    expect(result).toEqual({
      feature: 'PARSE',
      model: 'llama3.2',
      rawText: '',
      payload: null,
      latencyMs: 0,
      timedOut: true,
      error: { code: 'LLM_TIMEOUT', message: 'PARSE: no answer from http://127.0.0.1:11434 within 300 ms' },
    });
  });

  it('reports an unreachable server as LLM_UNREACHABLE, not as a timeout', async () => {
    const result = await mock
      .fail('PARSE', 'error')
      .call('PARSE', 'Task: PARSE', 'Question: x', { host: 'http://down:1' });
    expect(result).toMatchObject({ rawText: '', payload: null, timedOut: false, error: { code: 'LLM_UNREACHABLE' } });
    expect(result.error?.message).toMatch(
      /^PARSE: cannot reach the LLM server at http:\/\/down:1 \(ECONNREFUSED.*\); is it running\?/,
    );
  });

  it('answers non-JSON text as LLM_MALFORMED_JSON with the parser message and the text', async () => {
    const result = await mock.fail('FOLLOWUPS', 'malformed').call('FOLLOWUPS', 'Task: FOLLOWUPS', 'Question: x');
    expect(result).toMatchObject({
      rawText: MALFORMED_TEXT,
      payload: null,
      timedOut: false,
      error: { code: 'LLM_MALFORMED_JSON' },
    });
    expect(() => JSON.parse(result.rawText)).toThrow();
    expect(result.error?.message).toMatch(
      /^FOLLOWUPS: the model's answer is not valid JSON \(.+\): Sure! Here is the JSON/,
    );
  });

  it('answers an HTTP 500 as LLM_HTTP_ERROR with the body kept in rawText', async () => {
    const result = await mock.fail('PARSE', 'http_error').call('PARSE', 'Task: PARSE', 'Question: x');
    expect(result.error?.code).toBe('LLM_HTTP_ERROR');
    expect(result.error?.message).toContain('/api/chat answered HTTP 500: ');
    expect(result.rawText).toContain('"error"');
  });
});
