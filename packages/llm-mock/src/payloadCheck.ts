import type { default as Ajv, ErrorObject, ValidateFunction } from 'ajv';

/** Result of checking one payload against its feature's schema. */
export type PayloadCheck = { ok: true } | { ok: false; errors: ErrorObject[]; messages: string[] };

/** Checks payloads against a set of feature schemas; `null` when the feature has no schema. */
export type PayloadChecker = (feature: string, payload: unknown) => PayloadCheck | null;

interface Compiled {
  ajv: Ajv;
  validators: Map<string, ValidateFunction>;
}

// One ajv instance per schema set: apps give their schemas an `$id`, and ajv refuses two different
// schemas under one id in the same instance (a test's drifted copy next to the real set, say).
const bySchemaSet = new WeakMap<object, Compiled>();

/**
 * A checker that validates as the app does (ajv with `allErrors: true`, the app's own schema objects),
 * with messages in the app's format: `/filters/0/op must be equal to one of the allowed values`.
 */
export function payloadChecker(schemas: object): PayloadChecker {
  return (feature, payload) => {
    const schema = (schemas as Record<string, object | undefined>)[feature];
    if (schema === undefined) return null;
    let compiled = bySchemaSet.get(schemas);
    if (!compiled) {
      // Loaded on first use: a test file that never validates does not pay for loading ajv.
      const AjvClass = (require('ajv') as typeof import('ajv')).default;
      compiled = { ajv: new AjvClass({ allErrors: true }), validators: new Map() };
      bySchemaSet.set(schemas, compiled);
    }
    let validate = compiled.validators.get(feature);
    if (!validate) {
      validate = compiled.ajv.compile(schema);
      compiled.validators.set(feature, validate);
    }
    if (validate(payload)) return { ok: true };
    const errors = validate.errors ?? [];
    return { ok: false, errors, messages: errors.map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`) };
  };
}
