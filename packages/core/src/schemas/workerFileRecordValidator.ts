import type { ErrorObject } from 'ajv';
import type { WorkerFileRecord } from '../types';
import { describeSchemaError } from '../validate';

/** The shape of an ajv validate function: the generated module is untyped (`@ts-nocheck`). */
type StandaloneValidator = ((value: unknown) => boolean) & { errors?: ErrorObject[] | null };

let validate: StandaloneValidator | undefined;

/** A per-worker line checked against `workerFileRecordSchema`: the record, or what is wrong with it. */
export type WorkerRecordCheck = { valid: true; record: WorkerFileRecord } | { valid: false; problem: string };

/**
 * Checks one per-worker record with `workerFileRecordSchema`, compiled to plain JavaScript at build time
 * (`scripts/generateValidators.cjs`): no ajv, no schema compile when the reporter starts. The problem reads
 * as {@link validateWith}'s message does: `Invalid worker record: field /hookMs must be >= 0`.
 */
export function checkWorkerFileRecord(value: unknown): WorkerRecordCheck {
  // Loaded on the first check, not with core's index: the processes that never read worker records
  // (each Jest worker, most CLI commands) do not pay for its 16 kB (~2 ms).
  validate ??= (require('./generated/workerFileRecord.validate') as { default: StandaloneValidator }).default;
  if (validate(value)) return { valid: true, record: value as WorkerFileRecord };
  return { valid: false, problem: `Invalid worker record: ${describeSchemaError(validate.errors?.[0])}` };
}
