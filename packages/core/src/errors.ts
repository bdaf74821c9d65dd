/**
 * Every stable code a jest-perf package raises on purpose, in one list: users and tools branch on them,
 * and `docs/PERFORMANCE.md` (Troubleshooting → error codes) explains each one (a test keeps the two equal).
 * A package's own error class narrows `code` to its share of the list.
 */
export const ERROR_CODES = [
  // core and the CLI
  'JEST_PERF_CONFIG_INVALID',
  'JEST_PERF_FILE_MISSING',
  'JEST_PERF_FILE_CORRUPT',
  'JEST_PERF_FILE_INVALID',
  'JEST_PERF_VERSION_UNSUPPORTED',
  'JEST_PERF_BASELINE_MISSING',
  'JEST_PERF_NO_RUN_DATA',
  'JEST_PERF_USAGE',
  'JEST_PERF_PATH_OUTSIDE',
  // @jest-perf/datasets
  'JEST_PERF_DATASET_NAME_INVALID',
  'JEST_PERF_DATASET_NOT_FOUND',
  'JEST_PERF_DATASET_CONFIG_INVALID',
  'JEST_PERF_DATASET_FILE_MISSING',
  'JEST_PERF_DATASET_PATH_OUTSIDE',
  'JEST_PERF_DATASETS_DIR_MISSING',
  // @jest-perf/fixture-cache
  'JEST_PERF_CACHE_KEY_INVALID',
  'JEST_PERF_CACHE_SOURCE_MISSING',
  'JEST_PERF_CACHE_BUILD_INVALID',
  'JEST_PERF_CACHE_ENTRY_STUCK',
  // @jest-perf/llm-mock
  'JEST_PERF_LLM_NO_RESPONDER',
  'JEST_PERF_LLM_SEQUENCE_EXHAUSTED',
  'JEST_PERF_LLM_CASSETTE_MISS',
  'JEST_PERF_LLM_NO_REAL_SEAM',
  'JEST_PERF_LLM_REAL_CALL_BLOCKED',
  'JEST_PERF_LLM_CONTRACT_VIOLATION',
  'JEST_PERF_LLM_USAGE',
  // @jest-perf/audit
  'JEST_PERF_AUDIT_PATH_INVALID',
  'JEST_PERF_AUDIT_TYPESCRIPT_MISSING',
] as const;

/** Stable codes for every error jest-perf raises on purpose. */
export type JestPerfErrorCode = (typeof ERROR_CODES)[number];

export interface JestPerfErrorOptions {
  /** The file the error is about, named in the message. */
  file?: string;
  /** What the user runs or changes to fix it, appended as `Fix: …`. */
  fix?: string;
  cause?: unknown;
}

/**
 * An error a user can act on: the message says what is wrong, where, and how to fix it.
 * `code` is stable so tools (and tests) can branch on it without parsing text. The packages' own
 * classes (`DatasetError`, `FixtureCacheError`, `LlmMockError`, the audit's) extend it with a narrower `code`.
 */
export class JestPerfError<Code extends JestPerfErrorCode = JestPerfErrorCode> extends Error {
  readonly code: Code;
  readonly file: string | undefined;
  readonly fix: string | undefined;

  constructor(code: Code, message: string, options: JestPerfErrorOptions = {}) {
    const where = options.file ? ` (${options.file})` : '';
    const fix = options.fix ? `\n  Fix: ${options.fix}` : '';
    super(`${message}${where}${fix}`, { cause: options.cause });
    this.name = 'JestPerfError';
    this.code = code;
    this.file = options.file;
    this.fix = options.fix;
  }
}

/** True for a {@link JestPerfError}, including the packages' subclasses. */
export function isJestPerfError(error: unknown): error is JestPerfError {
  return error instanceof JestPerfError;
}
