/** Stops the LLM stand-in that globalSetup started, if it started one. */
export default async function globalTeardown(): Promise<void> {
  const server = globalThis.__LLM_STANDIN__;
  if (!server) return;
  globalThis.__LLM_STANDIN__ = undefined;
  await server.close();
}
