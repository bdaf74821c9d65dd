/** @tags real_llm */
// The client's own tests: the real callLlm against throwaway local servers (hence the file tag, which
// lets the real-call guard through). Against the LLM server: tests/integration/llmClient.integration.test.ts.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as llm from '../../src/llm/callLlm';

const QUESTION = 'Question: how many women over 65 take a statin?';
/** A throwaway server answering every request with `status` and `body`. */
async function fakeServer(status: number, body: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('callLlm error paths', () => {
  it('reports an unreachable server with the URL and how to fix it', async () => {
    const closed = await fakeServer(200, '{}');
    await closed.close();
    const result = await llm.callLlm('PARSE', 'Task: PARSE', QUESTION, { host: closed.url });
    expect(result).toMatchObject({ payload: null, timedOut: false, error: { code: 'LLM_UNREACHABLE' } });
    expect(result.error?.message).toContain(closed.url);
    expect(result.error?.message).toContain('OLLAMA_HOST');
  });

  it('reports an HTTP error with the server message', async () => {
    const server = await fakeServer(404, '{"error":"model \\"llama9\\" not found"}');
    try {
      const result = await llm.callLlm('PARSE', 'Task: PARSE', QUESTION, { host: server.url });
      expect(result.error?.code).toBe('LLM_HTTP_ERROR');
      expect(result.error?.message).toContain('HTTP 404');
      expect(result.error?.message).toContain('not found');
    } finally {
      await server.close();
    }
  });

  it('reports a timeout without throwing, when the server never answers', async () => {
    const silent = http.createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const host = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
      const result = await llm.callLlm('PARSE', 'Task: PARSE', QUESTION, { host, timeoutMs: 200 });
      expect(result).toMatchObject({ payload: null, rawText: '', timedOut: true, error: { code: 'LLM_TIMEOUT' } });
      expect(result.error?.message).toContain('within 200 ms');
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('reports a malformed JSON answer in error, keeping the raw text', async () => {
    const content = '{"intent": "count", "datasets": [';
    const server = await fakeServer(200, JSON.stringify({ message: { role: 'assistant', content } }));
    try {
      const result = await llm.callLlm('PARSE', 'Task: PARSE', QUESTION, { host: server.url });
      expect(result).toMatchObject({ payload: null, rawText: content, error: { code: 'LLM_MALFORMED_JSON' } });
    } finally {
      await server.close();
    }
  });

  it('reports an answer without message.content', async () => {
    const server = await fakeServer(200, '{"done":true}');
    try {
      expect((await llm.callLlm('PARSE', 'Task: PARSE', QUESTION, { host: server.url })).error?.code).toBe(
        'LLM_MALFORMED_RESPONSE',
      );
    } finally {
      await server.close();
    }
  });

  it('reports a payload that does not match the feature schema', async () => {
    const server = await fakeServer(
      200,
      JSON.stringify({ message: { role: 'assistant', content: '{"intent":"dance"}' } }),
    );
    try {
      const result = await llm.callLlm('PARSE', 'Task: PARSE', QUESTION, { host: server.url });
      expect(result.error?.code).toBe('LLM_SCHEMA_MISMATCH');
      expect(result.error?.message).toContain('/intent');
      expect(result.payload).toBeNull();
    } finally {
      await server.close();
    }
  });

  it('sends the Ollama chat request the API expects', async () => {
    let received: unknown;
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => {
        body += c.toString();
      });
      req.on('end', () => {
        received = { method: req.method, url: req.url, body: JSON.parse(body) };
        res.end(JSON.stringify({ message: { role: 'assistant', content: '{"summary":"ok"}' } }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const host = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const result = await llm.callLlm('RESULT_INTERPRETATION', 'sys', 'usr', { host, model: 'm1' });
      expect(result.payload).toEqual({ summary: 'ok' });
      expect(received).toMatchObject({
        method: 'POST',
        url: '/api/chat',
        body: {
          model: 'm1',
          stream: false,
          format: 'json',
          messages: [
            { role: 'system', content: 'sys' },
            { role: 'user', content: 'usr' },
          ],
        },
      });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
