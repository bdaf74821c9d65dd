import { getSettings } from '../config/settings';
import type { LlmFeature, PayloadByFeature } from './features';
import { requestText } from './httpJson';
import { validatePayload } from './schemas';

/** Why a call produced no usable payload. */
export type LlmErrorCode =
  | 'LLM_UNREACHABLE'
  | 'LLM_TIMEOUT'
  | 'LLM_HTTP_ERROR'
  | 'LLM_MALFORMED_RESPONSE'
  | 'LLM_MALFORMED_JSON'
  | 'LLM_SCHEMA_MISMATCH';

export interface LlmError {
  code: LlmErrorCode;
  message: string;
}

/** Options of one call; anything left out comes from {@link getSettings}. */
export interface LlmCallOptions {
  timeoutMs?: number;
  model?: string;
  /** Base URL of the Ollama-compatible server; defaults to `OLLAMA_HOST`. */
  host?: string;
}

/**
 * What one call produced. `payload` is set only when the answer was valid JSON matching the
 * feature's schema; otherwise `error` says why (and `timedOut` is true for a timeout).
 */
export interface LlmCallResult<F extends LlmFeature = LlmFeature> {
  feature: F;
  model: string;
  rawText: string;
  payload: PayloadByFeature[F] | null;
  latencyMs: number;
  timedOut: boolean;
  error: LlmError | null;
}

/**
 * Asks the LLM to do `feature` and returns its JSON answer, validated. The single seam between
 * the app and the model: every caller imports this module as an object and calls
 * `llm.callLlm(...)`, so a test can replace it with `jest.spyOn(llmModule, 'callLlm')`.
 *
 * Speaks the Ollama chat API (`POST {host}/api/chat`, `format: 'json'`, `stream: false`).
 * Never throws for a server problem: an unreachable server, a timeout, an HTTP error or a
 * malformed answer come back in `error` / `timedOut`.
 *
 * @example
 * const result = await llm.callLlm('PARSE', systemPrompt, 'Question: how many women?', { timeoutMs: 10_000 });
 * if (result.payload) console.log(result.payload.intent);
 */
export async function callLlm<F extends LlmFeature>(
  feature: F,
  system: string,
  user: string,
  options: LlmCallOptions = {},
): Promise<LlmCallResult<F>> {
  const settings = getSettings();
  const host = (options.host ?? settings.ollamaHost).replace(/\/+$/, '');
  const model = options.model ?? settings.ollamaModel;
  const timeoutMs = options.timeoutMs ?? settings.llmTimeoutMs;
  const started = performance.now();
  const done = (rawText: string, payload: PayloadByFeature[F] | null, error: LlmError | null): LlmCallResult<F> => ({
    feature,
    model,
    rawText,
    payload,
    latencyMs: performance.now() - started,
    timedOut: error?.code === 'LLM_TIMEOUT',
    error,
  });

  const body = {
    model,
    stream: false,
    format: 'json',
    options: { temperature: 0 },
    messages: [
      { role: 'system', content: system },
      { role: 'user', content: user },
    ],
  };
  const outcome = await requestText('POST', `${host}/api/chat`, body, timeoutMs);
  if (outcome.kind === 'timeout') {
    return done('', null, {
      code: 'LLM_TIMEOUT',
      message: `${feature}: no answer from ${host} within ${timeoutMs} ms`,
    });
  }
  if (outcome.kind === 'unreachable') {
    return done('', null, {
      code: 'LLM_UNREACHABLE',
      message: `${feature}: cannot reach the LLM server at ${host} (${outcome.message}); is it running? Set OLLAMA_HOST to its URL`,
    });
  }
  if (outcome.status < 200 || outcome.status >= 300) {
    return done(outcome.body, null, {
      code: 'LLM_HTTP_ERROR',
      message: `${feature}: ${host}/api/chat answered HTTP ${outcome.status}: ${outcome.body.slice(0, 200)}`,
    });
  }
  const content = chatContent(outcome.body);
  if (content === null) {
    return done(outcome.body, null, {
      code: 'LLM_MALFORMED_RESPONSE',
      message: `${feature}: ${host}/api/chat answered without message.content: ${outcome.body.slice(0, 200)}`,
    });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch (cause) {
    return done(content, null, {
      code: 'LLM_MALFORMED_JSON',
      message: `${feature}: the model's answer is not valid JSON (${(cause as Error).message}): ${content.slice(0, 200)}`,
    });
  }
  const check = validatePayload(feature, parsed);
  if (!check.ok) {
    return done(content, null, {
      code: 'LLM_SCHEMA_MISMATCH',
      message: `${feature}: the model's answer does not match the ${feature} schema: ${check.errors.join('; ')}`,
    });
  }
  return done(content, check.payload, null);
}

/** `message.content` of an Ollama chat response body, or null when the body is not one. */
function chatContent(body: string): string | null {
  try {
    const value: unknown = JSON.parse(body);
    if (typeof value !== 'object' || value === null || !('message' in value)) return null;
    const message: unknown = value.message;
    if (typeof message !== 'object' || message === null || !('content' in message)) return null;
    return typeof message.content === 'string' ? message.content : null;
  } catch {
    return null;
  }
}
