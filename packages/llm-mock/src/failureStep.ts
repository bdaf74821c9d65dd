/** How a simulated failure looks: as the real client reports a timeout, an unreachable server, non-JSON text or an HTTP error. */
export type LlmFailureKind = 'timeout' | 'error' | 'malformed' | 'http_error';

/** Marks a failure step; `Symbol.for` so two copies of this package still recognise each other's steps. */
export const FAILURE_STEP: unique symbol = Symbol.for('@jest-perf/llm-mock/failure');

/** A failure in place of a payload, in a sequence or from a responder. Build it with {@link llmFailure}. */
export interface LlmFailureStep {
  readonly [FAILURE_STEP]: LlmFailureKind;
}

/**
 * A simulated failure to use where a payload is expected.
 * @example mock.respondSequence('PARSE', [llmFailure('timeout'), parsePayload]); // fails once, then answers
 */
export function llmFailure(kind: LlmFailureKind): LlmFailureStep {
  return { [FAILURE_STEP]: kind };
}

/** The failure kind of a step, or null when `answer` is a payload. */
export function failureOf(answer: unknown): LlmFailureKind | null {
  if (typeof answer !== 'object' || answer === null || !(FAILURE_STEP in answer)) return null;
  return (answer as LlmFailureStep)[FAILURE_STEP];
}
