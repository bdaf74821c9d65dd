import type { CassetteOptions } from './cassette/cassette';
import type { LlmMockError } from './errors';
import type { LlmFailureStep } from './failureStep';
import type { FeatureOf, LlmDefaults, LlmFailureKind, LlmMockCall, LlmSeam, PayloadSchemas, Responder } from './types';

/** Options of {@link createLlmMock}. */
export interface LlmMockOptions<M extends object> {
  /** One responder per feature, for calls a test did not script (e.g. `appDefaults`). */
  defaults: LlmDefaults<M>;
  /** The app's payload schemas: a scripted payload that does not match comes back as `LLM_SCHEMA_MISMATCH`, as from the real client. */
  schemas?: PayloadSchemas<M>;
  /** Model reported when the call names none (default `llm-mock`). */
  model?: string;
  /** Timeout reported when the call gives none (default 30 000 ms). */
  timeoutMs?: number;
  /** Server named in simulated failure messages (default `http://llm-mock.invalid`). */
  host?: string;
  /** `latencyMs` of every mocked result (default 0: nothing is waited for). */
  latencyMs?: number;
  /** Record/replay real answers (see README, "Cassettes"). */
  cassette?: CassetteOptions;
  /** The real seam, called in record mode; `useLlmMock` passes the original function. */
  real?: LlmSeam<M>;
  /** Test file the default cassette sits next to; default `expect.getState().testPath`. */
  testPath?: string;
}

/** A scripted stand-in for the LLM seam. Overrides last until {@link LlmMock.reset}. */
export interface LlmMock<M extends object> {
  /** The seam's replacement: `jest.spyOn(llm, 'callLlm').mockImplementation(mock.call)`. */
  readonly call: LlmSeam<M>;
  /** Answers every call of `feature` with `payload`. */
  respond<F extends FeatureOf<M>>(feature: F, payload: M[F]): LlmMock<M>;
  /** Answers the next calls in order (payloads or `llmFailure(kind)`); one call too many rejects with JEST_PERF_LLM_SEQUENCE_EXHAUSTED. */
  respondSequence<F extends FeatureOf<M>>(feature: F, steps: readonly (M[F] | LlmFailureStep)[]): LlmMock<M>;
  /** Answers with a function of the prompt. */
  respondWith<F extends FeatureOf<M>>(feature: F, responder: Responder<M[F]>): LlmMock<M>;
  /** Makes every call of `feature` fail as the real client reports a timeout, an unreachable server, non-JSON text or an HTTP error. */
  fail<F extends FeatureOf<M>>(feature: F, kind: LlmFailureKind): LlmMock<M>;
  /** Every completed call, oldest first. */
  readonly calls: readonly LlmMockCall<M>[];
  /** The calls of one feature. */
  callsFor<F extends FeatureOf<M>>(feature: F): LlmMockCall<M, F>[];
  /** Errors the mock raised (exhausted sequence, cassette miss), kept so `useLlmMock` can fail a test that swallowed them. */
  readonly errors: readonly LlmMockError[];
  /** Forgets overrides, calls and errors; defaults stay. */
  reset(): void;
}
