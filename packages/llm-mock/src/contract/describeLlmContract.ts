import { LlmMockError } from '../errors';
import { type ContractOptions, contractChecks, formatViolations } from './checkContract';

type Block = (name: string, fn: () => unknown) => void;

/** Options of {@link describeLlmContract}; `describe`/`it` default to the Jest globals. */
export interface DescribeContractOptions<M extends object> extends ContractOptions<M> {
  title?: string;
  globals?: { describe?: Block; it?: Block };
}

/**
 * Declares a describe block with one test per feature (its default answers) and per cassette file;
 * each fails with the violations, naming feature, source and the schema error.
 * @example
 * // tests/llm/contract.test.ts
 * describeLlmContract({ schemas: payloadSchemas, defaults: appDefaults, prompts: appPrompts, cassettesDir: path.join(__dirname, '..') });
 */
export function describeLlmContract<M extends object>(options: DescribeContractOptions<M>): void {
  const scope = globalThis as { describe?: Block; it?: Block };
  const describe = options.globals?.describe ?? scope.describe;
  const it = options.globals?.it ?? scope.it;
  if (!describe || !it) {
    throw new LlmMockError('JEST_PERF_LLM_USAGE', 'describeLlmContract needs the Jest globals describe and it', {
      fix: 'call it at the top level of a Jest test file, or pass { globals: { describe, it } }',
    });
  }
  describe(options.title ?? 'LLM mock contract', () => {
    for (const check of contractChecks(options)) {
      it(check.title, async () => {
        const violations = await check.run();
        if (violations.length > 0) {
          throw new LlmMockError(
            'JEST_PERF_LLM_CONTRACT_VIOLATION',
            `${violations.length} payload(s) the app would reject:\n${formatViolations(violations)}`,
            {
              fix: 'update the mock defaults (or re-record the cassette: LLM_CASSETTE_MODE=record) to match the app schemas',
            },
          );
        }
      });
    }
  });
}
