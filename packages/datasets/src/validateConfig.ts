import { channelWorkerStore as workerStore } from '@jest-perf/core/channel';
import type { ErrorObject, ValidateFunction } from 'ajv';

/** Problems of one parsed config, one line per failing field; empty when it is valid. */
export type ConfigValidator = (value: unknown, text: string) => string[];

/** Key in the worker store of the verdicts shared by every test file of a Jest worker. */
const VERDICTS_KEY = '@jest-perf/datasets:config-verdicts';

/**
 * Validates configs against a JSON schema with ajv, remembering each verdict per worker by schema
 * and file text. Why: every test file that declares `describeWithDataset` discovers the configs at
 * collection; without the shared verdicts each file would load ajv (~90 ms) and compile the schema.
 * Keys are the exact texts, so an edited config is validated again.
 */
export function schemaValidator(schema: object): ConfigValidator {
  let validate: ValidateFunction | undefined;
  let schemaKey: string | undefined;
  return (value, text) => {
    schemaKey ??= JSON.stringify(schema);
    const verdicts = sharedVerdicts();
    const key = `${schemaKey}\0${text}`;
    const known = verdicts.get(key);
    if (known !== undefined) return known === '' ? [] : known.split('\n');
    validate ??= compile(schema);
    const problems = validate(value) ? [] : (validate.errors ?? []).map(describe);
    verdicts.set(key, problems.join('\n'));
    return problems;
  };
}

let fileVerdicts: Map<string, string> | undefined;

function sharedVerdicts(): Map<string, string> {
  const store = workerStore();
  if (!store) return (fileVerdicts ??= new Map());
  let verdicts = store.get(VERDICTS_KEY) as Map<string, string> | undefined;
  if (!verdicts) store.set(VERDICTS_KEY, (verdicts = new Map()));
  return verdicts;
}

function compile(schema: object): ValidateFunction {
  // Loaded on first use only (see schemaValidator): a plain `import` would load ajv in every test file.
  const Ajv = (require('ajv') as typeof import('ajv')).default;
  try {
    return new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
  } catch (cause) {
    throw new TypeError(`The option schema is not a valid JSON schema: ${(cause as Error).message}`, { cause });
  }
}

function describe(error: ErrorObject): string {
  const { describeSchemaError } = require('@jest-perf/core') as typeof import('@jest-perf/core');
  return describeSchemaError(error);
}
