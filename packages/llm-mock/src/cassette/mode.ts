import { ENV_VARS, type EnvSource, type EnvVarName, isJestPerfError, readEnv } from '@jest-perf/core/env';
import { LlmMockError } from '../errors';

/** `record` calls the real seam and saves answers; `replay` serves them; `off` ignores cassettes. */
export type CassetteMode = (typeof ENV_VARS.LLM_CASSETTE_MODE.values)[number];

/** The environment variable that switches cassette mode for a whole run. */
export const CASSETTE_MODE_ENV = 'LLM_CASSETTE_MODE' satisfies EnvVarName;

const MODES: readonly CassetteMode[] = ENV_VARS.LLM_CASSETTE_MODE.values;

/**
 * The mode of a run: `LLM_CASSETTE_MODE` wins (so `LLM_CASSETTE_MODE=record npx jest file` re-records
 * without editing the test), then the option, then `replay`.
 * @throws {LlmMockError} JEST_PERF_LLM_USAGE for a value that is not a mode.
 */
export function resolveCassetteMode(option: CassetteMode | undefined, env: EnvSource = process.env): CassetteMode {
  const fromEnv = modeFromEnv(env);
  if (fromEnv) return fromEnv;
  if (option !== undefined && !MODES.includes(option)) {
    throw new LlmMockError(
      'JEST_PERF_LLM_USAGE',
      `The option cassette.mode should be one of ${MODES.join(', ')}; got ${String(option)}`,
    );
  }
  return option ?? 'replay';
}

/** `LLM_CASSETTE_MODE`, read through core; a bad value is this package's usage error. */
function modeFromEnv(env: EnvSource): CassetteMode | undefined {
  try {
    return readEnv(CASSETTE_MODE_ENV, env);
  } catch (error) {
    if (!isJestPerfError(error)) throw error;
    throw new LlmMockError('JEST_PERF_LLM_USAGE', error.message.split('\n')[0] ?? '', { fix: error.fix, cause: error });
  }
}
