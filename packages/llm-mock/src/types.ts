import type { LlmFailureStep } from './failureStep';

// Declared beside the failure step that carries it (failureStep imports nothing from here: no import cycle).
export type { LlmFailureKind } from './failureStep';

/**
 * Shapes shared by the mock, the guard and the cassettes. They mirror the result type of an
 * app's LLM seam (`callLlm(feature, system, user, options) → Promise<LlmCallResult>`), generic over
 * a payload map `M` (feature name → payload type), so a mock result is assignable to the app's own.
 */

/** Feature names of a payload map: `'PARSE' | 'FILTER_EXTRACTION' | …`. */
export type FeatureOf<M extends object> = keyof M & string;

/** Why a call produced no usable payload (the same codes a real client returns). */
export type LlmErrorCode =
  | 'LLM_UNREACHABLE'
  | 'LLM_TIMEOUT'
  | 'LLM_HTTP_ERROR'
  | 'LLM_MALFORMED_RESPONSE'
  | 'LLM_MALFORMED_JSON'
  | 'LLM_SCHEMA_MISMATCH';

/** The error part of a failed call. */
export interface LlmError {
  code: LlmErrorCode;
  message: string;
}

/** Options of one seam call; a mock fills what is left out from its own options. */
export interface LlmCallOptions {
  timeoutMs?: number;
  model?: string;
  host?: string;
}

/**
 * What one call produced: `payload` is set only for a valid answer; otherwise `error` says why
 * (and `timedOut` is true for a timeout). Never thrown: failures are values.
 */
export interface LlmCallResult<F extends string = string, P = unknown> {
  feature: F;
  model: string;
  rawText: string;
  payload: P | null;
  latencyMs: number;
  timedOut: boolean;
  error: LlmError | null;
}

/** The seam itself, as the mock implements it. */
export type LlmSeam<M extends object> = <F extends FeatureOf<M>>(
  feature: F,
  system: string,
  user: string,
  options?: LlmCallOptions,
) => Promise<LlmCallResult<F, M[F]>>;

/** One call as a responder sees it (options resolved against the mock's defaults). */
export interface LlmPrompt<F extends string = string> {
  feature: F;
  system: string;
  user: string;
  model: string;
  timeoutMs: number;
}

/** What a responder may answer: a payload, a failure, or either later. */
export type ResponderAnswer<P> = P | LlmFailureStep | Promise<P | LlmFailureStep>;

/** Builds the payload of one call from its prompt. */
export type Responder<P> = (prompt: LlmPrompt) => ResponderAnswer<P>;

/** One responder per feature: the answers a mock gives when a test scripted nothing else. */
export type LlmDefaults<M extends object> = { [F in keyof M]: Responder<M[F]> };

/** JSON schema of each feature's payload (the app's own, e.g. `payloadSchemas`). */
export type PayloadSchemas<M extends object> = { readonly [F in keyof M]?: object };

/** Where a mocked answer came from. */
export type CallSource = 'default' | 'payload' | 'sequence' | 'function' | 'fail' | 'replay' | 'record';

/** One entry of the call log, typed by its feature. */
export type LlmMockCall<M extends object, F extends FeatureOf<M> = FeatureOf<M>> = {
  [K in F]: LlmPrompt<K> & { source: CallSource; result: LlmCallResult<K, M[K]> };
}[F];
