import { normaliseHost } from '../../src/config/settings';
import { probeLlmServer } from '../../src/llm/probe';
import { LLM_UNAVAILABLE_ENV } from '../fixtures/llm';
import globalSetup from '../globalSetup';

/**
 * globalSetup of the real-LLM integration run (`jest.integration.config.js`). An OLLAMA_HOST that was
 * set is what the run is about: if nothing answers there, the tests skip with the reason (set in
 * CLINICAL_LLM_UNAVAILABLE, read at collection) instead of quietly testing the stand-in. Otherwise
 * the suite's globalSetup runs: test data, and the LLM stand-in when OLLAMA_HOST is not set.
 */
export default async function integrationGlobalSetup(): Promise<void> {
  const configured = process.env.OLLAMA_HOST;
  if (configured) {
    const host = normaliseHost(configured);
    const probe = await probeLlmServer(host);
    if (!probe.reachable) {
      process.env[LLM_UNAVAILABLE_ENV] =
        `no LLM server at ${host}: ${probe.reason} (start Ollama, or unset OLLAMA_HOST to use the LLM stand-in)`;
      process.stderr.write(`[clinical-analytics] ${process.env[LLM_UNAVAILABLE_ENV]}; real-LLM tests skip\n`);
      return;
    }
  }
  await globalSetup();
}
