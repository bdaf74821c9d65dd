import { normaliseHost } from '../src/config/settings';
import { ensureData } from '../src/generate/ensureData';
import { probeLlmServer } from '../src/llm/probe';
import { standinOptionsFromEnv } from '../src/standin/options';
import { type StandinServer, startStandin } from '../src/standin/server';

declare global {
  // Shared with globalTeardown, which runs in the same process.
  var __LLM_STANDIN__: StandinServer | undefined;
}

/**
 * Runs once, in Jest's main process, before any worker starts:
 * 1. generates `datasets/data/` if missing or stale (a fresh clone works with one command);
 * 2. uses the LLM server in OLLAMA_HOST if one answers there, else starts the LLM stand-in on a
 *    free loopback port and sets OLLAMA_HOST, which the workers inherit.
 */
export default async function globalSetup(): Promise<void> {
  const log = (line: string) => process.stderr.write(`[clinical-analytics] ${line}\n`);
  const report = await ensureData({ log });
  if (report.generated.length > 0) log(`test data ready in ${Math.round(report.ms)} ms`);

  const configured = process.env.OLLAMA_HOST;
  if (configured) {
    const host = normaliseHost(configured);
    const probe = await probeLlmServer(host);
    if (probe.reachable) {
      process.env.LLM_STANDIN = probe.standin ? '1' : '0';
      log(`LLM tests use ${probe.standin ? 'the LLM stand-in' : `the server`} at ${host} (version ${probe.version})`);
      return;
    }
    log(`OLLAMA_HOST=${configured} does not answer (${probe.reason}); starting the LLM stand-in instead`);
  }
  const server = await startStandin({ ...standinOptionsFromEnv(process.env), host: '127.0.0.1', port: 0 });
  globalThis.__LLM_STANDIN__ = server;
  process.env.OLLAMA_HOST = server.url;
  process.env.LLM_STANDIN = '1';
}
