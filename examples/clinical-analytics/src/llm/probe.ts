import { requestText } from './httpJson';

/** What answered at an Ollama-compatible URL. */
export type ProbeResult = { reachable: true; version: string; standin: boolean } | { reachable: false; reason: string };

/**
 * Asks `GET {host}/api/version`. A real Ollama answers `{ version }`; the LLM stand-in adds
 * `standin: true`, which lets tests that need its fault modes skip against a real server.
 */
export async function probeLlmServer(host: string, timeoutMs = 2_000): Promise<ProbeResult> {
  const outcome = await requestText('GET', `${host.replace(/\/+$/, '')}/api/version`, undefined, timeoutMs);
  if (outcome.kind === 'timeout') return { reachable: false, reason: `no answer within ${timeoutMs} ms` };
  if (outcome.kind === 'unreachable') return { reachable: false, reason: outcome.message };
  if (outcome.status !== 200) return { reachable: false, reason: `HTTP ${outcome.status}` };
  try {
    const body = JSON.parse(outcome.body) as { version?: unknown; standin?: unknown };
    if (typeof body.version !== 'string') return { reachable: false, reason: 'answer has no "version"' };
    return { reachable: true, version: body.version, standin: body.standin === true };
  } catch {
    return { reachable: false, reason: 'answer is not JSON' };
  }
}
