import type { LlmCallResult, LlmError, LlmFailureKind } from './types';

/** What a result is built from: the call, resolved against the mock's defaults. */
export interface ResultContext<F extends string> {
  feature: F;
  model: string;
  host: string;
  timeoutMs: number;
  latencyMs: number;
}

/** Non-JSON text a confused model might send: prose around a truncated object. */
export const MALFORMED_TEXT = 'Sure! Here is the JSON you asked for: {"intent": "count", "datasets": [';

function result<F extends string, P>(
  ctx: ResultContext<F>,
  rawText: string,
  payload: P | null,
  error: LlmError | null,
): LlmCallResult<F, P> {
  return {
    feature: ctx.feature,
    model: ctx.model,
    rawText,
    payload,
    latencyMs: ctx.latencyMs,
    timedOut: error?.code === 'LLM_TIMEOUT',
    error,
  };
}

/** A valid answer: `rawText` is the payload's JSON, as the model would have sent it. */
export function successResult<F extends string, P>(ctx: ResultContext<F>, payload: P): LlmCallResult<F, P> {
  return result(ctx, JSON.stringify(payload), payload, null);
}

/** An answer whose JSON does not match the feature's schema, reported as the real client does. */
export function schemaMismatchResult<F extends string, P>(
  ctx: ResultContext<F>,
  payload: unknown,
  messages: readonly string[],
): LlmCallResult<F, P> {
  return result<F, P>(ctx, JSON.stringify(payload), null, {
    code: 'LLM_SCHEMA_MISMATCH',
    message: `${ctx.feature}: the model's answer does not match the ${ctx.feature} schema: ${messages.join('; ')}`,
  });
}

/**
 * A failure shaped exactly like the real client's (same codes, same message wording, empty
 * `rawText` when nothing arrived, `timedOut` only for a timeout).
 */
export function failureResult<F extends string, P>(ctx: ResultContext<F>, kind: LlmFailureKind): LlmCallResult<F, P> {
  const { feature, host, timeoutMs } = ctx;
  switch (kind) {
    case 'timeout':
      return result<F, P>(ctx, '', null, {
        code: 'LLM_TIMEOUT',
        message: `${feature}: no answer from ${host} within ${timeoutMs} ms`,
      });
    case 'error':
      return result<F, P>(ctx, '', null, {
        code: 'LLM_UNREACHABLE',
        message: `${feature}: cannot reach the LLM server at ${host} (ECONNREFUSED: simulated by @jest-perf/llm-mock); is it running? Set OLLAMA_HOST to its URL`,
      });
    case 'http_error': {
      const body = '{"error":"model runner has unexpectedly stopped"}';
      return result<F, P>(ctx, body, null, {
        code: 'LLM_HTTP_ERROR',
        message: `${feature}: ${host}/api/chat answered HTTP 500: ${body}`,
      });
    }
    case 'malformed':
      return result<F, P>(ctx, MALFORMED_TEXT, null, {
        code: 'LLM_MALFORMED_JSON',
        message: `${feature}: the model's answer is not valid JSON (${jsonParseError(MALFORMED_TEXT)}): ${MALFORMED_TEXT.slice(0, 200)}`,
      });
  }
}

/** The message `JSON.parse` gives for `text`, so the simulated error reads like a real one. */
function jsonParseError(text: string): string {
  try {
    JSON.parse(text);
    return 'no error';
  } catch (cause) {
    return (cause as Error).message;
  }
}
