import * as os from 'node:os';
import * as path from 'node:path';
import { AppError } from '../errors';

/** Runtime settings, read once from the environment (see {@link getSettings}). */
export interface Settings {
  /** Base URL of the Ollama-compatible server (`OLLAMA_HOST`). */
  ollamaHost: string;
  /** Model name sent with every chat call (`OLLAMA_MODEL`). */
  ollamaModel: string;
  /** Default per-call timeout in milliseconds (`LLM_TIMEOUT_MS`). */
  llmTimeoutMs: number;
  /** Where the query learning store keeps its examples (`NL_QUERY_LEARNING_DIR`). */
  learningDir: string;
  /** Where the audit log is written (`AUDIT_LOG_DIR`). */
  auditLogDir: string;
}

export const DEFAULT_OLLAMA_HOST = 'http://127.0.0.1:11434';
export const DEFAULT_OLLAMA_MODEL = 'llama3.2';
export const DEFAULT_LLM_TIMEOUT_MS = 30_000;

let cached: Settings | null = null;

/**
 * The process-wide settings. Read from `process.env` on first use and cached: a module
 * singleton, so code that changes the environment afterwards must call {@link resetSettings}.
 * @throws {AppError} SETTINGS_INVALID when a variable holds an unusable value.
 */
export function getSettings(): Settings {
  cached ??= readSettings(process.env);
  return cached;
}

/** Forgets the cached settings so the next {@link getSettings} re-reads the environment. */
export function resetSettings(): void {
  cached = null;
}

/** Builds settings from an environment, without caching. */
export function readSettings(env: NodeJS.ProcessEnv): Settings {
  const home = os.homedir();
  return {
    ollamaHost: normaliseHost(env.OLLAMA_HOST),
    ollamaModel: env.OLLAMA_MODEL?.trim() || DEFAULT_OLLAMA_MODEL,
    llmTimeoutMs: positiveInt('LLM_TIMEOUT_MS', env.LLM_TIMEOUT_MS, DEFAULT_LLM_TIMEOUT_MS),
    learningDir: env.NL_QUERY_LEARNING_DIR || path.join(home, '.clinical-analytics', 'nl_query_learning'),
    auditLogDir: env.AUDIT_LOG_DIR || path.join(home, '.clinical-analytics', 'logs'),
  };
}

/**
 * Accepts what Ollama itself accepts in `OLLAMA_HOST`: a full URL, `host:port`, or a bare host.
 * The result never ends with a slash.
 */
export function normaliseHost(value: string | undefined): string {
  const raw = value?.trim();
  if (!raw) return DEFAULT_OLLAMA_HOST;
  const withScheme = /^[a-z]+:\/\//i.test(raw) ? raw : `http://${raw}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch (cause) {
    throw new AppError('SETTINGS_INVALID', `OLLAMA_HOST is not a valid URL: "${raw}"`, {
      fix: 'set OLLAMA_HOST to something like http://127.0.0.1:11434',
      cause,
    });
  }
  const explicitPort = /^[a-z]+:\/\/[^/]*:\d+/i.test(withScheme);
  if (url.protocol === 'http:' && !explicitPort) url.port = '11434';
  return url.toString().replace(/\/+$/, '');
}

function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) {
    throw new AppError('SETTINGS_INVALID', `${name} should be a positive integer, got "${value}"`, {
      fix: `unset ${name} or set it to a number of milliseconds, e.g. ${name}=${fallback}`,
    });
  }
  return n;
}
