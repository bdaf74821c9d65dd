import { readValidatedJson, writeJsonAtomic } from '@jest-perf/core';

/** The metadata written next to each entry, after its data: a sidecar present means the data is complete. */
export interface Sidecar {
  schemaVersion: 1;
  /** {@link CACHE_VERSION} of the writer. */
  cacheVersion: number;
  /** The entry's key (its file name without extension). */
  key: string;
  /** Data file name inside the cache folder. */
  fileName: string;
  kind: 'table' | 'file';
  /** `arrow`, `parquet` or `file`. */
  format: 'arrow' | 'parquet' | 'file';
  /** The fixture's label (`options.name`). */
  name: string;
  /** Canonical key inputs, truncated: for people reading the folder, not for lookups. */
  inputs: string;
  /** ISO time the entry was written. */
  created: string;
  /** ISO time of the last hit (LRU eviction order). */
  lastAccess: string;
  /** Byte size of the data file. */
  size: number;
  /** sha256 of the data file, hex. */
  sha256: string;
  /** How long `build` took, so hits can report the time they saved. */
  buildMs: number;
  /** False marks an entry that must not be used. */
  valid: boolean;
  /** Rows of a cached table. */
  rows?: number;
}

const hex64 = { type: 'string', pattern: '^[0-9a-f]{64}$' };
/** ajv schema of {@link Sidecar}. */
export const sidecarSchema = {
  type: 'object',
  additionalProperties: false,
  required: [
    'schemaVersion',
    'cacheVersion',
    'key',
    'fileName',
    'kind',
    'format',
    'name',
    'inputs',
    'created',
    'lastAccess',
    'size',
    'sha256',
    'buildMs',
    'valid',
  ],
  properties: {
    schemaVersion: { const: 1 },
    cacheVersion: { type: 'integer', minimum: 1 },
    key: hex64,
    fileName: { type: 'string', pattern: '^[0-9a-f]{64}\\.[A-Za-z0-9]{1,16}$' },
    kind: { enum: ['table', 'file'] },
    format: { enum: ['arrow', 'parquet', 'file'] },
    name: { type: 'string' },
    inputs: { type: 'string' },
    created: { type: 'string', minLength: 1 },
    lastAccess: { type: 'string', minLength: 1 },
    size: { type: 'integer', minimum: 0 },
    sha256: hex64,
    buildMs: { type: 'number', minimum: 0 },
    valid: { type: 'boolean' },
    rows: { type: 'integer', minimum: 0 },
  },
} as const;

/** Longest `inputs` summary kept in a sidecar. */
export const INPUTS_SUMMARY_CHARS = 200;

/** Truncates the canonical inputs for the sidecar. */
export function summarizeInputs(canonical: string): string {
  return canonical.length <= INPUTS_SUMMARY_CHARS ? canonical : `${canonical.slice(0, INPUTS_SUMMARY_CHARS - 1)}…`;
}

/**
 * Reads and validates a sidecar.
 * @throws JestPerfError `JEST_PERF_FILE_MISSING` when absent, `JEST_PERF_FILE_CORRUPT` / `JEST_PERF_FILE_INVALID` when bad.
 */
export function readSidecar(file: string): Sidecar {
  return readValidatedJson<Sidecar>(file, sidecarSchema, {
    what: 'fixture cache metadata',
    fix: 'nothing to do: the entry is deleted and rebuilt',
  });
}

/** Writes a sidecar atomically (temp file + rename). */
export function writeSidecar(file: string, sidecar: Sidecar): void {
  writeJsonAtomic(file, sidecar);
}
