import { JestPerfError, type JestPerfErrorOptions } from '@jest-perf/core';

/** Stable codes of the errors this package raises on purpose (listed with core's `ERROR_CODES`). */
export type LlmMockErrorCode =
  /** A test called a feature that has no default responder and no scripted answer. */
  | 'JEST_PERF_LLM_NO_RESPONDER'
  /** `respondSequence` ran out of answers. */
  | 'JEST_PERF_LLM_SEQUENCE_EXHAUSTED'
  /** Replay mode found no cassette entry for a call. */
  | 'JEST_PERF_LLM_CASSETTE_MISS'
  /** Record mode has no real seam to call. */
  | 'JEST_PERF_LLM_NO_REAL_SEAM'
  /** The guard stopped a real LLM call from a test that is neither mocked nor tagged `real_llm`. */
  | 'JEST_PERF_LLM_REAL_CALL_BLOCKED'
  /** A contract check found payloads that do not match the app's schemas. */
  | 'JEST_PERF_LLM_CONTRACT_VIOLATION'
  /** A bad option: a missing Jest global, an unknown cassette mode, a seam that is not a function. */
  | 'JEST_PERF_LLM_USAGE';

/**
 * A {@link JestPerfError} with this package's codes: the message says what is wrong, where (`file`)
 * and how to fix it (`fix`); `code` is stable for tests and tools to branch on.
 */
export class LlmMockError extends JestPerfError<LlmMockErrorCode> {
  constructor(code: LlmMockErrorCode, message: string, options: JestPerfErrorOptions = {}) {
    super(code, message, options);
    this.name = 'LlmMockError';
  }
}

/** True for errors raised by this package. */
export function isLlmMockError(error: unknown): error is LlmMockError {
  return error instanceof LlmMockError;
}
