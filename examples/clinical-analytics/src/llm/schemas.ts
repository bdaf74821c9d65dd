import Ajv, { type ValidateFunction } from 'ajv';
import { FILTER_OPS, QUERY_INTENTS } from '../query/types';
import type { LlmFeature, PayloadByFeature } from './features';

/**
 * JSON schemas of each feature's answer payload. `callLlm` validates every answer against
 * these; an LLM mock must produce payloads that pass them too.
 */
const fieldName = { type: 'string', pattern: '^[a-z][a-z0-9_]*$' } as const;

export const filterSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['field', 'op', 'value'],
  properties: {
    field: fieldName,
    op: { enum: [...FILTER_OPS] },
    value: {
      anyOf: [
        { type: 'string' },
        { type: 'number' },
        { type: 'boolean' },
        { type: 'array', minItems: 1, items: { anyOf: [{ type: 'string' }, { type: 'number' }] } },
      ],
    },
  },
} as const;

export const parsePayloadSchema = {
  $id: 'clinical-analytics/llm/PARSE',
  type: 'object',
  additionalProperties: false,
  required: ['intent', 'datasets', 'groupBy', 'measure'],
  properties: {
    intent: { enum: [...QUERY_INTENTS] },
    datasets: { type: 'array', items: fieldName, uniqueItems: true },
    groupBy: { anyOf: [fieldName, { type: 'null' }] },
    measure: { anyOf: [fieldName, { type: 'null' }] },
  },
} as const;

export const filterExtractionPayloadSchema = {
  $id: 'clinical-analytics/llm/FILTER_EXTRACTION',
  type: 'object',
  additionalProperties: false,
  required: ['filters', 'removeFields'],
  properties: {
    filters: { type: 'array', items: filterSchema },
    removeFields: { type: 'array', items: fieldName },
  },
} as const;

export const followupsPayloadSchema = {
  $id: 'clinical-analytics/llm/FOLLOWUPS',
  type: 'object',
  additionalProperties: false,
  required: ['followups'],
  properties: {
    followups: { type: 'array', minItems: 1, maxItems: 5, items: { type: 'string', minLength: 3 } },
  },
} as const;

export const resultInterpretationPayloadSchema = {
  $id: 'clinical-analytics/llm/RESULT_INTERPRETATION',
  type: 'object',
  additionalProperties: false,
  required: ['summary'],
  properties: { summary: { type: 'string', minLength: 1 } },
} as const;

export const errorTranslationPayloadSchema = {
  $id: 'clinical-analytics/llm/ERROR_TRANSLATION',
  type: 'object',
  additionalProperties: false,
  required: ['message', 'suggestion'],
  properties: {
    message: { type: 'string', minLength: 1 },
    suggestion: { type: 'string' },
  },
} as const;

/** The answer schema of each feature. */
export const payloadSchemas = {
  PARSE: parsePayloadSchema,
  FILTER_EXTRACTION: filterExtractionPayloadSchema,
  FOLLOWUPS: followupsPayloadSchema,
  RESULT_INTERPRETATION: resultInterpretationPayloadSchema,
  ERROR_TRANSLATION: errorTranslationPayloadSchema,
} as const satisfies Record<LlmFeature, object>;

const ajv = new Ajv({ allErrors: true });
const validators = new Map<LlmFeature, ValidateFunction>();

function validatorFor(feature: LlmFeature): ValidateFunction {
  let validate = validators.get(feature);
  if (!validate) {
    validate = ajv.compile(payloadSchemas[feature]);
    validators.set(feature, validate);
  }
  return validate;
}

/** Result of checking a payload against its feature's schema. */
export type PayloadCheck<F extends LlmFeature> =
  | { ok: true; payload: PayloadByFeature[F] }
  | { ok: false; errors: string[] };

/** Validates an answer payload against the schema of `feature`; errors name the JSON path. */
export function validatePayload<F extends LlmFeature>(feature: F, payload: unknown): PayloadCheck<F> {
  const validate = validatorFor(feature);
  if (validate(payload)) return { ok: true, payload: payload as PayloadByFeature[F] };
  return {
    ok: false,
    errors: (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`),
  };
}
