import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LlmFeature } from '../llm/features';
import { answerFor, detectFeature } from './answers';
import { DEFAULT_STANDIN_OPTIONS, FAULT_MODES, type FaultMode, faultFromModel, type StandinOptions } from './options';
import { Semaphore } from './Semaphore';

export const STANDIN_MODEL = 'llm-standin';
export const STANDIN_VERSION = '0.1.0-standin';

/** Counters a test or a human can read from `GET /_standin/state`. */
export interface StandinState {
  fault: FaultMode;
  latencyMs: number;
  requests: number;
  inFlight: number;
  byFeature: Partial<Record<LlmFeature | 'unknown', number>>;
}

/** A running LLM stand-in. */
export interface StandinServer {
  url: string;
  port: number;
  state(): StandinState;
  configure(change: { fault?: FaultMode; latencyMs?: number }): void;
  close(): Promise<void>;
}

interface ChatMessage {
  role: string;
  content: string;
}

/**
 * Starts the LLM stand-in: a small HTTP server speaking the parts of the Ollama API the app uses
 * (`POST /api/chat`, `GET /api/tags`, `GET /api/version`). It is NOT a language model: it finds
 * the feature in the system prompt and answers with rule-based JSON after a configurable delay.
 *
 * Faults (`slow`, `down`, `malformed`) come from the options, from `POST /_standin/config`, or per
 * call from the model name (`llm-standin:slow`).
 */
export async function startStandin(overrides: Partial<StandinOptions> = {}): Promise<StandinServer> {
  const options = { ...DEFAULT_STANDIN_OPTIONS, ...overrides };
  const semaphore = new Semaphore(options.parallel);
  const state: StandinState = {
    fault: options.fault,
    latencyMs: options.latencyMs,
    requests: 0,
    inFlight: 0,
    byFeature: {},
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, 500, { error: `LLM stand-in failed: ${String(error)}` }));
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://standin');
    const route = `${req.method} ${url.pathname}`;
    if (route === 'GET /api/version') return send(res, 200, { version: STANDIN_VERSION, standin: true });
    if (route === 'GET /api/tags') return send(res, 200, { models: tags() });
    if (route === 'GET /_standin/state') return send(res, 200, state);
    if (route === 'POST /_standin/config') return configureFromRequest(req, res);
    if (route === 'POST /api/chat') return chat(req, res);
    return send(res, 404, { error: `LLM stand-in: no route ${route}` });
  }

  async function configureFromRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const body = parseJson(await readBody(req));
    const change = typeof body === 'object' && body !== null ? (body as { fault?: unknown; latencyMs?: unknown }) : {};
    if (change.fault !== undefined && !(FAULT_MODES as readonly unknown[]).includes(change.fault)) {
      return send(res, 400, { error: `fault should be one of ${FAULT_MODES.join(', ')}` });
    }
    if (change.latencyMs !== undefined && !(Number.isInteger(change.latencyMs) && (change.latencyMs as number) >= 0)) {
      return send(res, 400, { error: 'latencyMs should be an integer >= 0' });
    }
    configure(change as { fault?: FaultMode; latencyMs?: number });
    return send(res, 200, state);
  }

  function configure(change: { fault?: FaultMode; latencyMs?: number }): void {
    if (change.fault !== undefined) state.fault = change.fault;
    if (change.latencyMs !== undefined) state.latencyMs = change.latencyMs;
  }

  async function chat(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const body = parseJson(await readBody(req)) as { model?: unknown; messages?: unknown; stream?: unknown } | null;
    if (!body || typeof body.model !== 'string' || !Array.isArray(body.messages)) {
      return send(res, 400, { error: 'LLM stand-in: body must be JSON with "model" and "messages"' });
    }
    if (body.stream !== false) return send(res, 400, { error: 'LLM stand-in: only "stream": false is supported' });
    const messages = body.messages.filter(isMessage);
    const system = messages.find((m) => m.role === 'system')?.content ?? '';
    const user = messages.filter((m) => m.role === 'user').at(-1)?.content ?? '';
    const model = body.model;
    const fault = faultFromModel(model) ?? state.fault;
    const feature = detectFeature(system);
    state.requests += 1;
    state.byFeature[feature ?? 'unknown'] = (state.byFeature[feature ?? 'unknown'] ?? 0) + 1;

    if (fault === 'down') {
      // Drop the connection without an answer, as a crashed server would.
      req.socket.destroy();
      return;
    }
    const started = process.hrtime.bigint();
    const release = await semaphore.acquire();
    state.inFlight += 1;
    try {
      const finished = await delay(fault === 'slow' ? options.slowLatencyMs : state.latencyMs, res);
      if (!finished) return;
    } finally {
      state.inFlight -= 1;
      release();
    }
    const content =
      fault === 'malformed'
        ? '{"answer": "truncated by the LLM stand-in", "items": ['
        : JSON.stringify(feature ? answerFor(feature, user) : {});
    const duration = Number(process.hrtime.bigint() - started);
    send(res, 200, {
      model,
      created_at: new Date().toISOString(),
      message: { role: 'assistant', content },
      done_reason: 'stop',
      done: true,
      total_duration: duration,
      load_duration: 0,
      prompt_eval_count: Math.ceil((system.length + user.length) / 4),
      eval_count: Math.ceil(content.length / 4),
      eval_duration: duration,
    });
  }

  function tags() {
    const models = [STANDIN_MODEL, `${STANDIN_MODEL}:slow`, `${STANDIN_MODEL}:down`, `${STANDIN_MODEL}:malformed`];
    return models.map((name) => ({
      name,
      model: name,
      modified_at: '2025-01-01T00:00:00Z',
      size: 0,
      digest: 'llm-standin',
      details: { family: 'llm-standin', parameter_size: '0', quantization_level: 'none' },
    }));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${options.host}:${port}`,
    port,
    state: () => structuredClone(state),
    configure,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function isMessage(value: unknown): value is ChatMessage {
  const m = value as Partial<ChatMessage> | null;
  return typeof m === 'object' && m !== null && typeof m.role === 'string' && typeof m.content === 'string';
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Waits `ms`; resolves false early if the client goes away (so a timed-out call frees its slot). */
function delay(ms: number, res: http.ServerResponse): Promise<boolean> {
  return new Promise((resolve) => {
    const onClose = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      res.off('close', onClose);
      resolve(true);
    }, ms);
    res.once('close', onClose);
  });
}
