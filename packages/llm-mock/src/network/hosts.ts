import { type EnvSource, readEnv } from '@jest-perf/core/env';
import { LlmMockError } from '../errors';

/** One configured LLM host: a host name, and a port when the entry named one. */
export interface HostRule {
  hostname: string;
  port: string | undefined;
}

/** Ollama's own default, what an app reaches when `OLLAMA_HOST` is unset. */
const OLLAMA_DEFAULTS = ['127.0.0.1:11434', 'localhost:11434'];

function stripBrackets(hostname: string): string {
  return hostname.replace(/^\[|\]$/g, '').toLowerCase();
}

/**
 * Reads `http://host:port`, `host:port` or `host` (as `OLLAMA_HOST` accepts) into a rule.
 * @throws {LlmMockError} JEST_PERF_LLM_USAGE for an entry that is not a host.
 */
export function parseHost(entry: string): HostRule {
  const text = typeof entry === 'string' ? entry.trim() : '';
  let url: URL | undefined;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`);
  } catch {
    url = undefined;
  }
  if (!url?.hostname || text === '') {
    throw new LlmMockError(
      'JEST_PERF_LLM_USAGE',
      `The option hosts holds ${JSON.stringify(entry)}, which is not a host`,
      {
        fix: "list the LLM servers as 'host:port' or URLs: hosts: ['127.0.0.1:11434', 'api.openai.com']",
      },
    );
  }
  const explicitPort = /^[a-z][a-z0-9+.-]*:\/\//i.test(text)
    ? url.port || undefined
    : /:\d+$/.test(text)
      ? url.port
      : undefined;
  return { hostname: stripBrackets(url.hostname), port: explicitPort };
}

/** The rules: the given hosts, else `OLLAMA_HOST`'s, else Ollama's defaults. */
export function hostRules(hosts: readonly string[] | undefined, env: EnvSource = process.env): HostRule[] {
  const ollama = readEnv('OLLAMA_HOST', env);
  const entries = hosts && hosts.length > 0 ? hosts : ollama ? [ollama] : OLLAMA_DEFAULTS;
  return entries.map(parseHost);
}

/** True when a connection to `hostname:port` goes to one of the LLM hosts (a rule without a port matches any). */
export function matchesHost(rules: readonly HostRule[], hostname: string, port: string | number): boolean {
  const name = stripBrackets(hostname);
  return rules.some((rule) => rule.hostname === name && (rule.port === undefined || rule.port === String(port)));
}

/** Host and port of what `http.request` / `https.request` was given (URL, string or options object). */
export function requestTarget(
  args: readonly unknown[],
  defaultPort: number,
): { hostname: string; port: string; url?: string } | null {
  const [first, second] = args;
  const fromUrl = (url: URL) => ({
    hostname: url.hostname,
    port: url.port || String(defaultPort),
    url: `${url.origin}${url.pathname}`,
  });
  try {
    if (typeof first === 'string') return fromUrl(new URL(first));
    if (first instanceof URL) return fromUrl(first);
  } catch {
    return null; // Node's own validation throws its usual error for a bad URL
  }
  const options = (first && typeof first === 'object' ? first : second) as
    | { hostname?: unknown; host?: unknown; port?: unknown }
    | undefined;
  if (!options || typeof options !== 'object') return { hostname: 'localhost', port: String(defaultPort) };
  const raw =
    typeof options.hostname === 'string'
      ? options.hostname
      : typeof options.host === 'string'
        ? options.host
        : 'localhost';
  const hostname = raw.replace(/:\d+$/, '');
  const port = options.port === undefined || options.port === null || options.port === '' ? defaultPort : options.port;
  return { hostname, port: String(port) };
}

/** Host and port of what `fetch` was given (string, URL or Request); null when it is not a URL. */
export function fetchTarget(input: unknown): { hostname: string; port: string; url: string } | null {
  const text =
    typeof input === 'string'
      ? input
      : input instanceof URL
        ? input.href
        : input && typeof (input as { url?: unknown }).url === 'string'
          ? (input as { url: string }).url
          : String(input);
  try {
    const url = new URL(text);
    const port = url.port || (url.protocol === 'https:' ? '443' : '80');
    return { hostname: url.hostname, port, url: `${url.origin}${url.pathname}` };
  } catch {
    return null;
  }
}
