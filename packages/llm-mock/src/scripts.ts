import { LlmMockError } from './errors';
import { type LlmFailureStep, llmFailure } from './failureStep';
import type { LlmFailureKind, LlmPrompt, Responder, ResponderAnswer } from './types';

/** A per-test override of one feature's answer. */
export type Script<P> =
  | { kind: 'payload'; payload: P }
  | { kind: 'sequence'; steps: readonly (P | LlmFailureStep)[]; next: number }
  | { kind: 'function'; respond: Responder<P> }
  | { kind: 'fail'; failure: LlmFailureKind };

/**
 * The answer a script gives to `prompt` (advancing a sequence).
 * @throws {LlmMockError} JEST_PERF_LLM_SEQUENCE_EXHAUSTED when a sequence has no answer left.
 */
export function scriptAnswer<P>(script: Script<P>, prompt: LlmPrompt): ResponderAnswer<P> {
  switch (script.kind) {
    case 'payload':
      return script.payload;
    case 'fail':
      return llmFailure(script.failure);
    case 'function':
      return script.respond(prompt);
    case 'sequence': {
      const index = script.next;
      script.next += 1;
      if (index < script.steps.length) return script.steps[index] as P | LlmFailureStep;
      throw new LlmMockError(
        'JEST_PERF_LLM_SEQUENCE_EXHAUSTED',
        `respondSequence('${prompt.feature}', …) had ${script.steps.length} answer(s); call ${index + 1} asked for another (prompt ${JSON.stringify(prompt.user.slice(0, 80))})`,
        {
          fix: `add answers to the sequence, or follow it with mock.respond('${prompt.feature}', payload) for a steady answer`,
        },
      );
    }
  }
}
