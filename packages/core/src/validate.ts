import * as fs from 'node:fs';
import type { default as Ajv, ErrorObject, ValidateFunction } from 'ajv';
import { JestPerfError, type JestPerfErrorCode } from './errors';

/**
 * ajv's options for every schema, here and in the standalone validators that `scripts/generateValidators.cjs`
 * compiles at build time: both must report the same first error for the same value.
 */
export const AJV_OPTIONS = { allErrors: false, strict: true, allowUnionTypes: true } as const;

let ajv: Ajv | undefined;
const compiled = new Map<object, ValidateFunction>();

/** Compiles a schema once per process (ajv itself is only loaded on first use). */
function validatorFor<T>(schema: object): ValidateFunction<T> {
  // A type-only import above and a require here: a process that loads core but never validates (the
  // reporter of a run without config, a CLI command that only writes) must not pay for ajv (~40 ms).
  ajv ??= new (require('ajv') as typeof import('ajv')).default(AJV_OPTIONS);
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate as ValidateFunction<T>;
}

/** `field /tests/3/durationMs must be >= 0` from ajv's first error. */
export function describeSchemaError(error: ErrorObject | undefined): string {
  if (!error) return 'does not match its schema';
  const field = error.instancePath === '' ? '(root)' : error.instancePath;
  const extra =
    error.keyword === 'additionalProperties'
      ? ` ('${String((error.params as { additionalProperty: string }).additionalProperty)}')`
      : error.keyword === 'enum'
        ? ` (${JSON.stringify((error.params as { allowedValues: unknown[] }).allowedValues)})`
        : '';
  return `field ${field} ${error.message ?? 'is invalid'}${extra}`;
}

export interface ValidateOptions {
  /** What the value is, for the message: "run file", "baseline"... */
  what: string;
  /** File it came from, named in the error. */
  file?: string;
  /** How the user fixes it. */
  fix: string;
  /** Code of the error thrown when the value does not match (default `JEST_PERF_FILE_INVALID`). */
  code?: JestPerfErrorCode;
}

export interface ReadOptions extends Omit<ValidateOptions, 'file'> {
  /** Turns the file's bytes into the JSON text (default: UTF-8). */
  decode?: (bytes: Buffer) => string;
}

/** Returns `value` typed as `T` when it matches `schema`; throws a {@link JestPerfError} naming the field otherwise. */
export function validateWith<T>(schema: object, value: unknown, options: ValidateOptions): T {
  const validate = validatorFor<T>(schema);
  if (validate(value)) return value;
  throw new JestPerfError(
    options.code ?? 'JEST_PERF_FILE_INVALID',
    `Invalid ${options.what}: ${describeSchemaError(validate.errors?.[0])}`,
    { file: options.file, fix: options.fix },
  );
}

/**
 * Reads a JSON file whose `schemaVersion` is at most `newestVersion` (default 1), without validating it yet.
 * @throws JestPerfError naming the file when it is unreadable, not JSON, or newer than this jest-perf.
 */
export function readVersionedJson(file: string, options: ReadOptions & { newestVersion?: number }): unknown {
  let text: string;
  try {
    const bytes = fs.readFileSync(file);
    text = options.decode ? options.decode(bytes) : bytes.toString('utf8');
  } catch (cause) {
    throw new JestPerfError('JEST_PERF_FILE_MISSING', `Cannot read ${options.what}`, { file, fix: options.fix, cause });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new JestPerfError('JEST_PERF_FILE_CORRUPT', `${options.what} is not valid JSON (corrupt or half-written)`, {
      file,
      fix: options.fix,
      cause,
    });
  }
  const newest = options.newestVersion ?? 1;
  const version = (value as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version > newest) {
    throw new JestPerfError(
      'JEST_PERF_VERSION_UNSUPPORTED',
      `${options.what} has schemaVersion ${version}, newer than this jest-perf understands (${newest})`,
      { file, fix: 'upgrade the @jest-perf packages, or regenerate the file with this version' },
    );
  }
  return value;
}

/** Reads a JSON file and validates it; every failure is a {@link JestPerfError} that names the file. */
export function readValidatedJson<T>(file: string, schema: object, options: ReadOptions): T {
  const value = readVersionedJson(file, options);
  const { decode: _decode, ...validateOptions } = options;
  return validateWith<T>(schema, value, { ...validateOptions, file });
}
