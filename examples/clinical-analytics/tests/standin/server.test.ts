/** @tags real_llm */
// Several tests go through the real callLlm to a private stand-in: the file tag lets the real-call guard through.
import * as llm from '../../src/llm/callLlm';
import { requestText } from '../../src/llm/httpJson';
import { probeLlmServer } from '../../src/llm/probe';
import { faultFromModel, standinOptionsFromEnv } from '../../src/standin/options';
import { STANDIN_MODEL, type StandinServer, startStandin } from '../../src/standin/server';

// A private stand-in per test file, with no latency: these tests check the server, not the app.
describe('LLM stand-in server', () => {
  let server: StandinServer;

  beforeAll(async () => {
    server = await startStandin({ latencyMs: 0, slowLatencyMs: 10_000 });
  });

  afterAll(async () => {
    await server.close();
  });

  it('listens on a free loopback port', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.port).toBeGreaterThan(0);
  });

  it('says it is the stand-in on /api/version', async () => {
    await expect(probeLlmServer(server.url)).resolves.toMatchObject({ reachable: true, standin: true });
  });

  it('lists its models on /api/tags', async () => {
    const outcome = await requestText('GET', `${server.url}/api/tags`, undefined, 2_000);
    expect(outcome.kind === 'response' && JSON.parse(outcome.body).models[0].name).toBe(STANDIN_MODEL);
  });

  it('answers a chat call through the real client', async () => {
    const result = await llm.callLlm('PARSE', 'Task: PARSE', 'Question: how many women over 65?', { host: server.url });
    expect(result.payload).toEqual({ intent: 'count', datasets: [], groupBy: null, measure: null });
  });

  it('refuses streaming requests', async () => {
    const outcome = await requestText(
      'POST',
      `${server.url}/api/chat`,
      { model: 'm', messages: [], stream: true },
      2_000,
    );
    expect(outcome).toMatchObject({ kind: 'response', status: 400 });
  });

  it('answers 404 for unknown routes', async () => {
    expect(await requestText('GET', `${server.url}/api/pull`, undefined, 2_000)).toMatchObject({ status: 404 });
  });

  it('switches to a fault mode through the control endpoint, then back', async () => {
    await requestText('POST', `${server.url}/_standin/config`, { fault: 'malformed' }, 2_000);
    const broken = await llm.callLlm('PARSE', 'Task: PARSE', 'Question: x', { host: server.url });
    await requestText('POST', `${server.url}/_standin/config`, { fault: 'none' }, 2_000);
    expect(broken.error?.code).toBe('LLM_MALFORMED_JSON');
    expect(server.state().fault).toBe('none');
  });

  it('rejects an unknown fault mode', async () => {
    expect(await requestText('POST', `${server.url}/_standin/config`, { fault: 'sleepy' }, 2_000)).toMatchObject({
      status: 400,
    });
  });

  it('frees the slot of a call the client abandoned', async () => {
    const result = await llm.callLlm('PARSE', 'Task: PARSE', 'Question: x', {
      host: server.url,
      model: 'm:slow',
      timeoutMs: 200,
    });
    expect(result.timedOut).toBe(true);
    // The server hears of the abandoned connection asynchronously; give it a moment.
    for (let i = 0; i < 100 && server.state().inFlight > 0; i += 1)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(server.state().inFlight).toBe(0);
  });

  it('counts requests per feature', async () => {
    const before = server.state().byFeature.FOLLOWUPS ?? 0;
    await llm.callLlm('FOLLOWUPS', 'Task: FOLLOWUPS', 'Question: x\nParsed query: {}', { host: server.url });
    expect(server.state().byFeature.FOLLOWUPS).toBe(before + 1);
  });
});

describe('LLM stand-in options', () => {
  it('defaults to two seconds per answer', () => {
    expect(standinOptionsFromEnv({})).toMatchObject({ latencyMs: 2_000, fault: 'none', host: '127.0.0.1', port: 0 });
  });

  it('reads STANDIN_* variables', () => {
    expect(
      standinOptionsFromEnv({ STANDIN_LATENCY_MS: '5', STANDIN_FAULT: 'slow', STANDIN_PARALLEL: '1' }),
    ).toMatchObject({
      latencyMs: 5,
      fault: 'slow',
      parallel: 1,
    });
  });

  it('names the variable holding a bad value', () => {
    expect(() => standinOptionsFromEnv({ STANDIN_LATENCY_MS: 'fast' })).toThrow(
      'STANDIN_LATENCY_MS should be an integer >= 0, got "fast"',
    );
    expect(() => standinOptionsFromEnv({ STANDIN_FAULT: 'flaky' })).toThrow(
      'STANDIN_FAULT should be one of none, slow, down, malformed',
    );
  });

  it.each([
    ['llm-standin:slow', 'slow'],
    ['llama3.2', null],
  ])('reads the fault of model %s', (model, fault) => {
    expect(faultFromModel(model)).toBe(fault);
  });
});
