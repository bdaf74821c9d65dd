import type { ErrorObject } from 'ajv';
import { readCassetteFile } from '../cassette/store';
import { failureOf } from '../failureStep';
import { payloadChecker } from '../payloadCheck';
import type { LlmDefaults, LlmPrompt, PayloadSchemas, Responder } from '../types';
import { findCassetteFiles } from './findCassetteFiles';

/** Options of {@link checkContract}. */
export interface ContractOptions<M extends object> {
  /** The schemas the app applies to real answers (the example's `payloadSchemas`). */
  schemas: PayloadSchemas<M>;
  /** The mock's default responders (e.g. `appDefaults`). */
  defaults: LlmDefaults<M>;
  /** Prompts to ask each default; a feature without any gets one generic prompt. */
  prompts?: { [F in keyof M]?: Pick<LlmPrompt, 'system' | 'user'>[] };
  /** Cassette files, or folders searched for them (see `findCassetteFiles`). */
  cassettesDir?: string | string[];
}

/** Where a violating payload came from. */
export type ContractSource =
  | { kind: 'default'; prompt: string }
  | { kind: 'cassette'; file: string; key: string }
  | { kind: 'cassette-file'; file: string };

/** A payload that the app would reject. */
export interface ContractViolation {
  feature: string;
  source: ContractSource;
  /** What is wrong, in the app's format: `/filters/0/op must be equal to one of the allowed values`. */
  message: string;
  /** ajv's errors (empty for a missing schema or an unreadable cassette). */
  errors: ErrorObject[];
}

/** One unit of the contract: a feature's defaults or one cassette file. */
export interface ContractCheck {
  title: string;
  run(): Promise<ContractViolation[]>;
}

/** The checks {@link checkContract} runs; `describeLlmContract` declares one test per check. */
export function contractChecks<M extends object>(options: ContractOptions<M>): ContractCheck[] {
  const check = payloadChecker(options.schemas);
  const defaults = options.defaults as unknown as Record<string, Responder<unknown>>;
  const prompts = (options.prompts ?? {}) as Record<string, Pick<LlmPrompt, 'system' | 'user'>[] | undefined>;
  const violations = (feature: string, source: ContractSource, payload: unknown): ContractViolation[] => {
    const verdict = check(feature, payload);
    if (verdict === null) return [{ feature, source, message: `no schema for feature ${feature}`, errors: [] }];
    return verdict.ok ? [] : [{ feature, source, message: verdict.messages.join('; '), errors: verdict.errors }];
  };

  const featureChecks = Object.keys(defaults).map((feature) => ({
    title: `default ${feature} answers match the ${feature} schema`,
    async run() {
      const asked = prompts[feature] ?? [
        { system: `Task: ${feature}`, user: 'Question: how many patients are there?' },
      ];
      const found: ContractViolation[] = [];
      for (const { system, user } of asked) {
        const answer = await (defaults[feature] as Responder<unknown>)({
          feature,
          system,
          user,
          model: 'contract-check',
          timeoutMs: 30_000,
        });
        if (failureOf(answer)) continue;
        found.push(
          ...violations(feature, { kind: 'default', prompt: user }, JSON.parse(JSON.stringify(answer) ?? 'null')),
        );
      }
      return found;
    },
  }));

  const dirs = options.cassettesDir === undefined ? [] : [options.cassettesDir].flat();
  const files = dirs.flatMap((dir) => (dir.endsWith('.json') ? [dir] : findCassetteFiles(dir)));
  const cassetteChecks = files.map((file) => ({
    title: `cassette ${file} matches the schemas`,
    async run() {
      let entries: ReturnType<typeof readCassetteFile>['entries'];
      try {
        entries = readCassetteFile(file).entries;
      } catch (error) {
        return [
          {
            feature: '(file)',
            source: { kind: 'cassette-file', file } as const,
            message: (error as Error).message,
            errors: [],
          },
        ];
      }
      // A recorded failure (payload null) is what the model did; only answers the app accepted are checked.
      return Object.entries(entries)
        .filter(([, entry]) => entry.result.payload !== null)
        .flatMap(([key, entry]) => violations(entry.feature, { kind: 'cassette', file, key }, entry.result.payload));
    },
  }));
  return [...featureChecks, ...cassetteChecks];
}

/**
 * Checks the mock against the app's contract: every default responder (over several prompts) and every
 * cassette entry must produce payloads the app's own ajv schemas accept.
 * @returns the violations; empty when mock and app agree.
 * @example expect(await checkContract({ schemas: payloadSchemas, defaults: appDefaults })).toEqual([]);
 */
export async function checkContract<M extends object>(options: ContractOptions<M>): Promise<ContractViolation[]> {
  const found: ContractViolation[] = [];
  for (const check of contractChecks(options)) found.push(...(await check.run()));
  return found;
}

/** One line per violation: `PARSE (default, prompt "Question: …"): /intent must be …`. */
export function formatViolations(violations: readonly ContractViolation[]): string {
  return violations
    .map(({ feature, source, message }) => {
      const where =
        source.kind === 'default'
          ? `default, prompt ${JSON.stringify(source.prompt)}`
          : source.kind === 'cassette'
            ? `cassette ${source.file}, key ${source.key}`
            : `cassette ${source.file}`;
      return `${feature} (${where}): ${message}`;
    })
    .join('\n');
}
