/** How the LLM stand-in misbehaves, to exercise the client's error paths. */
export type FaultMode = 'none' | 'slow' | 'down' | 'malformed';
export const FAULT_MODES: readonly FaultMode[] = ['none', 'slow', 'down', 'malformed'];

export interface StandinOptions {
  /** Interface to listen on; loopback by default. */
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Time each answer takes, like a CPU-bound local model (`STANDIN_LATENCY_MS`). */
  latencyMs: number;
  /** Time an answer takes in `slow` mode (`STANDIN_SLOW_MS`). */
  slowLatencyMs: number;
  /** Answers computed at once; more wait in line, like Ollama's `OLLAMA_NUM_PARALLEL` (`STANDIN_PARALLEL`). */
  parallel: number;
  /** Fault applied to every call unless the model name asks for another (`STANDIN_FAULT`). */
  fault: FaultMode;
}

export const DEFAULT_STANDIN_OPTIONS: StandinOptions = {
  host: '127.0.0.1',
  port: 0,
  latencyMs: 2_000,
  slowLatencyMs: 60_000,
  parallel: 4,
  fault: 'none',
};

/**
 * Options from `STANDIN_*` environment variables, over the defaults.
 * @throws {TypeError} naming the variable when a value is unusable.
 */
export function standinOptionsFromEnv(env: NodeJS.ProcessEnv): StandinOptions {
  const int = (name: string, fallback: number, min: number) => {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min) throw new TypeError(`${name} should be an integer >= ${min}, got "${raw}"`);
    return n;
  };
  const fault = env.STANDIN_FAULT?.trim() || 'none';
  if (!(FAULT_MODES as readonly string[]).includes(fault)) {
    throw new TypeError(`STANDIN_FAULT should be one of ${FAULT_MODES.join(', ')}, got "${fault}"`);
  }
  return {
    host: env.STANDIN_HOST?.trim() || DEFAULT_STANDIN_OPTIONS.host,
    port: int('STANDIN_PORT', DEFAULT_STANDIN_OPTIONS.port, 0),
    latencyMs: int('STANDIN_LATENCY_MS', DEFAULT_STANDIN_OPTIONS.latencyMs, 0),
    slowLatencyMs: int('STANDIN_SLOW_MS', DEFAULT_STANDIN_OPTIONS.slowLatencyMs, 0),
    parallel: int('STANDIN_PARALLEL', DEFAULT_STANDIN_OPTIONS.parallel, 1),
    fault: fault as FaultMode,
  };
}

/** The fault a model name asks for: `…:slow`, `…-down`, `…_malformed`; null when none. */
export function faultFromModel(model: string): FaultMode | null {
  const match = /[:\-_](slow|down|malformed)$/.exec(model);
  return match ? (match[1] as FaultMode) : null;
}
