import { type Cassette, openCassette } from './cassette/cassette';
import { count } from './counters';
import { isLlmMockError, LlmMockError } from './errors';
import { failureOf } from './failureStep';
import { jestGlobals } from './jestGlobals';
import type { LlmMock, LlmMockOptions } from './mockTypes';
import { allowingRealCalls } from './network/attribution';
import { payloadChecker } from './payloadCheck';
import { failureResult, type ResultContext, schemaMismatchResult, successResult } from './results';
import { type Script, scriptAnswer } from './scripts';
import type {
  CallSource,
  FeatureOf,
  LlmCallOptions,
  LlmCallResult,
  LlmMockCall,
  LlmPrompt,
  LlmSeam,
  Responder,
  ResponderAnswer,
} from './types';

const DEFAULT_HOST = 'http://llm-mock.invalid';

/**
 * Builds a mock of an LLM seam `callLlm(feature, system, user, { timeoutMs, model })`, generic over the
 * payload map `M` (inferred from `defaults`).
 * @example
 * const mock = createLlmMock({ defaults: appDefaults, schemas: payloadSchemas });
 * mock.respond('PARSE', { intent: 'count', datasets: [], groupBy: null, measure: null });
 * const result = await mock.call('PARSE', system, 'Question: how many?');
 */
export function createLlmMock<M extends object>(options: LlmMockOptions<M>): LlmMock<M> {
  const scripts = new Map<string, Script<unknown>>();
  const calls: LlmMockCall<M>[] = [];
  const errors: LlmMockError[] = [];
  const check = options.schemas ? payloadChecker(options.schemas) : null;
  let cassette: Cassette | undefined;

  const toResult = async <F extends string, P>(
    ctx: ResultContext<F>,
    answer: ResponderAnswer<P>,
  ): Promise<LlmCallResult<F, P>> => {
    const settled = await answer;
    const failure = failureOf(settled);
    if (failure) return failureResult(ctx, failure);
    // A JSON round trip, as the real client parses the model's text: each call gets its own copy.
    const parsed = JSON.parse(JSON.stringify(settled) ?? 'null') as P;
    const verdict = check?.(ctx.feature, parsed);
    return verdict && !verdict.ok ? schemaMismatchResult(ctx, parsed, verdict.messages) : successResult(ctx, parsed);
  };

  const answer = async <F extends FeatureOf<M>>(
    prompt: LlmPrompt<F>,
    ctx: ResultContext<F>,
    callOptions: LlmCallOptions,
  ): Promise<{ source: CallSource; result: LlmCallResult<F, M[F]> }> => {
    const script = scripts.get(prompt.feature) as Script<M[F]> | undefined;
    if (script) return { source: script.kind, result: await toResult(ctx, scriptAnswer(script, prompt)) };
    if (options.cassette) {
      cassette ??= openCassette(
        options.cassette,
        options.testPath ?? jestGlobals(['expect'], {}, 'a cassette').expect.getState().testPath,
      );
      if (cassette.mode === 'replay') {
        const result = cassette.replay<F, M[F]>(prompt);
        count('replayed');
        return { source: 'replay', result };
      }
      if (cassette.mode === 'record') {
        if (!options.real) {
          throw new LlmMockError(
            'JEST_PERF_LLM_NO_REAL_SEAM',
            `Record mode has no real LLM seam to call for ${prompt.feature}`,
            {
              fix: 'use useLlmMock (it passes the original function), or createLlmMock({ real: originalCallLlm, ... })',
            },
          );
        }
        const real = options.real;
        // recording is the one time an untagged test may reach the LLM: the network guard lets it through
        const result = await allowingRealCalls(() => real(prompt.feature, prompt.system, prompt.user, callOptions));
        if (cassette.record(prompt, result)) count('recorded');
        return { source: 'record', result };
      }
    }
    const responder = (options.defaults as unknown as Record<string, Responder<M[F]> | undefined>)[prompt.feature];
    if (!responder) {
      throw new LlmMockError(
        'JEST_PERF_LLM_NO_RESPONDER',
        `The LLM mock has no answer for ${prompt.feature}: no default responder and nothing scripted`,
        {
          fix: `script it (mock.respond('${prompt.feature}', payload)) or add ${prompt.feature} to the mock's defaults`,
        },
      );
    }
    return { source: 'default', result: await toResult(ctx, responder(prompt)) };
  };

  const call: LlmSeam<M> = async (feature, system, user, callOptions = {}) => {
    count('calls');
    const model = callOptions.model ?? options.model ?? 'llm-mock';
    const timeoutMs = callOptions.timeoutMs ?? options.timeoutMs ?? 30_000;
    const prompt = { feature, system, user, model, timeoutMs };
    const ctx = {
      feature,
      model,
      timeoutMs,
      host: callOptions.host ?? options.host ?? DEFAULT_HOST,
      latencyMs: options.latencyMs ?? 0,
    };
    const started = performance.now();
    try {
      const { source, result } = await answer(prompt, ctx, callOptions);
      calls.push({ ...prompt, source, result } as LlmMockCall<M>);
      return result;
    } catch (error) {
      if (isLlmMockError(error)) errors.push(error);
      throw error;
    } finally {
      count('callMs', Math.round((performance.now() - started) * 100) / 100);
    }
  };

  const mock: LlmMock<M> = {
    call,
    respond: (feature, payload) => script(feature, { kind: 'payload', payload }),
    respondSequence: (feature, steps) => script(feature, { kind: 'sequence', steps: [...steps], next: 0 }),
    respondWith: (feature, responder) => script(feature, { kind: 'function', respond: responder }),
    fail: (feature, failure) => script(feature, { kind: 'fail', failure }),
    calls,
    callsFor: <F extends FeatureOf<M>>(feature: F) =>
      calls.filter((c): c is LlmMockCall<M, F> => c.feature === feature),
    errors,
    reset() {
      scripts.clear();
      calls.length = 0;
      errors.length = 0;
    },
  };
  function script<P>(feature: string, value: Script<P>): LlmMock<M> {
    scripts.set(feature, value as Script<unknown>);
    return mock;
  }
  return mock;
}
