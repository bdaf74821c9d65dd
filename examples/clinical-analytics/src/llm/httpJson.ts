import * as http from 'node:http';
import * as https from 'node:https';

/** How an HTTP exchange ended. Transport failures are values, never thrown. */
export type HttpOutcome =
  | { kind: 'response'; status: number; body: string }
  | { kind: 'unreachable'; message: string }
  | { kind: 'timeout' };

/**
 * Sends a request with a JSON body (or none) and reads the whole answer as text, giving up
 * after `timeoutMs` (the clock covers connecting, waiting and reading).
 */
export function requestText(
  method: 'GET' | 'POST',
  url: string,
  body: unknown,
  timeoutMs: number,
): Promise<HttpOutcome> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const target = new URL(url);
  const client = target.protocol === 'https:' ? https : http;
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise<HttpOutcome>((resolve) => {
    const settle = (outcome: HttpOutcome) => {
      clearTimeout(timer);
      resolve(outcome);
    };
    const req = client.request(
      target,
      {
        method,
        signal: controller.signal,
        // One connection per call: no pooled socket outlives the call (and keeps Jest waiting).
        agent: false,
        headers:
          payload === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          settle({ kind: 'response', status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', (error) => settle(failure(error, controller.signal)));
      },
    );
    req.on('error', (error) => settle(failure(error, controller.signal)));
    req.end(payload);
  });
}

function failure(error: Error & { code?: string }, signal: AbortSignal): HttpOutcome {
  if (signal.aborted) return { kind: 'timeout' };
  return { kind: 'unreachable', message: error.code ? `${error.code}: ${error.message}` : error.message };
}
