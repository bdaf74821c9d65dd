import { LlmMockError } from '../errors';

/** `record` calls the real seam and saves answers; `replay` serves them; `off` ignores cassettes. */
export type CassetteMode = 'record' | 'replay' | 'off';

/** The environment variable that switches cassette mode for a whole run. */
export const CASSETTE_MODE_ENV = 'LLM_CASSETTE_MODE';

const MODES: readonly CassetteMode[] = ['record', 'replay', 'off'];

/**
 * The mode of a run: `LLM_CASSETTE_MODE` wins (so `LLM_CASSETTE_MODE=record npx jest file` re-records
 * without editing the test), then the option, then `replay`.
 * @throws {LlmMockError} JEST_PERF_LLM_USAGE for a value that is not a mode.
 */
export function resolveCassetteMode(
  option: CassetteMode | undefined,
  env: NodeJS.ProcessEnv = process.env,
): CassetteMode {
  const fromEnv = env[CASSETTE_MODE_ENV]?.trim();
  if (fromEnv) {
    if ((MODES as readonly string[]).includes(fromEnv)) return fromEnv as CassetteMode;
    throw new LlmMockError('JEST_PERF_LLM_USAGE', `${CASSETTE_MODE_ENV}=${fromEnv} is not a cassette mode`, {
      fix: `set ${CASSETTE_MODE_ENV} to one of ${MODES.join(', ')}, or unset it`,
    });
  }
  if (option !== undefined && !MODES.includes(option)) {
    throw new LlmMockError(
      'JEST_PERF_LLM_USAGE',
      `The option cassette.mode should be one of ${MODES.join(', ')}; got ${String(option)}`,
    );
  }
  return option ?? 'replay';
}
