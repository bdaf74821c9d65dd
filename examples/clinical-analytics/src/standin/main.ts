import { standinOptionsFromEnv } from './options';
import { startStandin } from './server';

/**
 * `pnpm standin`: runs the LLM stand-in until Ctrl-C. Prints the URL to put in OLLAMA_HOST.
 * STANDIN_PORT defaults to 11434 here (Ollama's port) so the app finds it without configuration.
 */
async function main(): Promise<void> {
  const options = standinOptionsFromEnv({ STANDIN_PORT: '11434', ...process.env });
  const server = await startStandin(options);
  console.log(
    `LLM stand-in (rule-based, not a real model) listening on ${server.url}\n` +
      `  latency ${options.latencyMs} ms, ${options.parallel} parallel, fault "${options.fault}"\n` +
      `  export OLLAMA_HOST=${server.url}`,
  );
  const stop = () => {
    server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`LLM stand-in failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
});
