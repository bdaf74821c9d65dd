import type { LlmErrorCode } from '../types';

/** One recorded answer. The prompts are kept (scrubbed, the system prompt shortened) for humans reading diffs. */
export interface CassetteEntry {
  feature: string;
  model: string;
  /** First line(s) of the system prompt, at most 200 characters; the key covers all of it. */
  systemExcerpt: string;
  user: string;
  /** The `schemaVersion` option the entry was recorded under. */
  payloadSchemaVersion: string;
  result: {
    rawText: string;
    payload: unknown;
    latencyMs: number;
    timedOut: boolean;
    error: { code: LlmErrorCode; message: string } | null;
  };
}

/** A cassette file: `cassettes/<name>.json`. */
export interface CassetteFile {
  schemaVersion: 1;
  /** Keyed by sha256 of feature, model, system prompt, user prompt and payload schema version. */
  entries: Record<string, CassetteEntry>;
}

const errorCodes: LlmErrorCode[] = [
  'LLM_UNREACHABLE',
  'LLM_TIMEOUT',
  'LLM_HTTP_ERROR',
  'LLM_MALFORMED_RESPONSE',
  'LLM_MALFORMED_JSON',
  'LLM_SCHEMA_MISMATCH',
];

const entrySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['feature', 'model', 'systemExcerpt', 'user', 'payloadSchemaVersion', 'result'],
  properties: {
    feature: { type: 'string', minLength: 1 },
    model: { type: 'string' },
    systemExcerpt: { type: 'string' },
    user: { type: 'string' },
    payloadSchemaVersion: { type: 'string' },
    result: {
      type: 'object',
      additionalProperties: false,
      required: ['rawText', 'payload', 'latencyMs', 'timedOut', 'error'],
      properties: {
        rawText: { type: 'string' },
        payload: {},
        latencyMs: { type: 'number', minimum: 0 },
        timedOut: { type: 'boolean' },
        error: {
          anyOf: [
            { type: 'null' },
            {
              type: 'object',
              additionalProperties: false,
              required: ['code', 'message'],
              properties: { code: { enum: errorCodes }, message: { type: 'string' } },
            },
          ],
        },
      },
    },
  },
} as const;

/** ajv schema of a cassette file; every cassette read goes through it. */
export const cassetteFileSchema = {
  $id: 'jest-perf/llm-mock/cassette',
  type: 'object',
  additionalProperties: false,
  required: ['schemaVersion', 'entries'],
  properties: {
    schemaVersion: { const: 1 },
    entries: {
      type: 'object',
      propertyNames: { pattern: '^[0-9a-f]{64}$' },
      additionalProperties: entrySchema,
    },
  },
} as const;
