/**
 * Every environment variable jest-perf reads, in one list (name, type, default, who reads it, what it
 * does), and one typed reader. Packages read through {@link readEnv} and write through {@link envValues},
 * never `process.env.JEST_PERF_…` by hand; docs/PERFORMANCE.md's table is checked against this list.
 * Loads nothing but core's errors (entry `@jest-perf/core/env`): test environments and workers read it.
 */
import { JestPerfError } from './errors';

export { isJestPerfError } from './errors';

/** An environment to read: `process.env`, or a plain object in tests and for child processes. */
export type EnvSource = Readonly<Record<string, string | undefined>>;

interface Common {
  /** The package that reads it. */
  readBy: string;
  /** One line for the user guide. */
  doc: string;
}
/** `1`/`true`/`yes`/`on` or `0`/`false`/`no`/`off` (any case); empty: the default; anything else: an error. */
interface FlagSpec extends Common {
  kind: 'flag';
  default: boolean;
}
/** A string (a path, a tag); empty counts as unset. */
interface TextSpec extends Common {
  kind: 'text';
  default?: string;
  /** The default when it is computed, for the docs. */
  defaultDoc?: string;
}
/** Tags separated by commas or spaces, a leading `@` dropped. */
interface ListSpec extends Common {
  kind: 'list';
}
/** A number; `min` says which. */
interface NumberSpec extends Common {
  kind: 'number';
  min: 'positive' | 'non-negative';
  default: number;
  defaultDoc: string;
}
/** One of a few words; anything else is a usage error naming the choices. */
interface ChoiceSpec extends Common {
  kind: 'choice';
  values: readonly string[];
  /** "a lane": what a value is, for the error. */
  noun: string;
  /** What leaving it unset does, for the error. */
  unset: string;
}
type EnvVarSpec = FlagSpec | TextSpec | ListSpec | NumberSpec | ChoiceSpec;

const MB = 1024 * 1024;

/** Every variable jest-perf reads. Add one here, then to docs/PERFORMANCE.md (a test compares them). */
export const ENV_VARS = {
  JEST_PERF: {
    kind: 'flag',
    default: false,
    readBy: 'reporter',
    doc: 'track this run: the run file, `latest.json` and the history',
  },
  JEST_PERF_OUTPUT: {
    kind: 'text',
    readBy: 'reporter',
    doc: 'write the run to this file only (no `latest.json`, no history); `jest-perf test` and `check --confirm` set it',
  },
  JEST_PERF_SUMMARY: {
    kind: 'flag',
    default: true,
    readBy: 'reporter',
    doc: 'the end-of-run summary (slowest tests and files, next command); `0`: only the one-line notice (reporter option `summary`)',
  },
  JEST_PERF_SILENT: {
    kind: 'flag',
    default: false,
    readBy: 'reporter',
    doc: '`1`: the reporter prints nothing at the end of the run (reporter option `silent`); `jest-perf test` sets it for its lanes',
  },
  JEST_PERF_WORKER_DIR: {
    kind: 'text',
    readBy: 'environment',
    doc: 'folder of the per-worker files of the run in progress: the reporter sets it for its workers, do not set it by hand',
  },
  JEST_PERF_SKIP_TAGS: {
    kind: 'list',
    readBy: 'environment',
    doc: 'skip tests carrying any of these tags (`slow,real_llm`)',
  },
  JEST_PERF_ONLY_TAGS: {
    kind: 'list',
    readBy: 'environment',
    doc: 'run only tests carrying one of these tags; a skipped tag wins',
  },
  JEST_PERF_DEBUG: {
    kind: 'flag',
    default: false,
    readBy: 'cli',
    doc: 'print the stack trace of an unexpected error',
  },
  JEST_PERF_LANE: {
    kind: 'choice',
    values: ['parallel', 'serial'],
    noun: 'a lane',
    unset: 'to run every file',
    readBy: 'parallel',
    doc: 'the files of one lane only (`@jest-perf/parallel/laneFilter`); `jest-perf test` sets it',
  },
  JEST_PERF_SERIAL_TAG: {
    kind: 'text',
    default: 'serial',
    readBy: 'parallel',
    doc: 'the tag of files that run in the serial lane',
  },
  JEST_PERF_KEEP_TMP: {
    kind: 'flag',
    default: false,
    readBy: 'parallel',
    doc: 'keep `tmpDir()` folders after each test and print their paths',
  },
  JEST_PERF_CACHE: {
    kind: 'flag',
    default: true,
    readBy: 'fixture-cache',
    doc: '`off` bypasses the fixture cache: every fixture is built again',
  },
  DISABLE_TEST_CACHE: {
    kind: 'flag',
    default: false,
    readBy: 'fixture-cache',
    doc: '`1` does what `JEST_PERF_CACHE=off` does',
  },
  JEST_PERF_CACHE_DIR: {
    kind: 'text',
    defaultDoc: '`.jest-perf/cache` next to the nearest package.json',
    readBy: 'fixture-cache',
    doc: 'the fixture cache folder (the `dir` option wins)',
  },
  JEST_PERF_CACHE_MAX_BYTES: {
    kind: 'number',
    min: 'positive',
    default: 500 * MB,
    defaultDoc: '500 MB',
    readBy: 'fixture-cache',
    doc: 'size cap of the cache folder; least recently used entries go first (the `maxBytes` option wins)',
  },
  JEST_PERF_CACHE_MEMORY_MAX_BYTES: {
    kind: 'number',
    min: 'non-negative',
    default: 256 * MB,
    defaultDoc: '256 MB',
    readBy: 'fixture-cache',
    doc: 'byte cap of the in-process memory layer, 0 turns it off (the `memoryMaxBytes` option wins)',
  },
  JEST_PERF_EAGER_DATASETS: {
    kind: 'flag',
    default: false,
    readBy: 'datasets',
    doc: 'load every dataset at once, as before the lazy registry (rollback switch)',
  },
  JEST_PERF_REQUIRE_DATASETS: {
    kind: 'flag',
    default: false,
    readBy: 'datasets',
    doc: '`describeWithDataset` fails, instead of skipping, when a dataset is missing (CI)',
  },
  JEST_PERF_PER_TEST_FIXTURES: {
    kind: 'flag',
    default: false,
    readBy: 'datasets',
    doc: '`beforeAllShared` builds per test again (rollback switch)',
  },
  LLM_CASSETTE_MODE: {
    kind: 'choice',
    values: ['record', 'replay', 'off'],
    noun: 'a cassette mode',
    unset: 'to use the `cassette.mode` option',
    readBy: 'llm-mock',
    doc: 'cassette mode for the whole run; wins over the `cassette.mode` option',
  },
  OLLAMA_HOST: {
    kind: 'text',
    defaultDoc: "`127.0.0.1:11434`, `localhost:11434` (Ollama's)",
    readBy: 'llm-mock',
    doc: 'the LLM host the real-call guard blocks when given no `hosts`',
  },
} as const satisfies Record<string, EnvVarSpec>;

/** The name of a variable jest-perf reads. */
export type EnvVarName = keyof typeof ENV_VARS;

/** The end-of-run summary switch (`0`: one line only). */
export const SUMMARY_ENV = 'JEST_PERF_SUMMARY' satisfies EnvVarName;
/** `1`: the reporter prints nothing at the end of the run. */
export const SILENT_ENV = 'JEST_PERF_SILENT' satisfies EnvVarName;
/** Write the run to this file only (no `runs/`, no `latest.json`, no history): a side run. */
export const OUTPUT_ENV = 'JEST_PERF_OUTPUT' satisfies EnvVarName;

/** Set by the reporter (main process) when tracking is on, read by the environment in each worker. */
export const WORKER_DIR_ENV = 'JEST_PERF_WORKER_DIR' satisfies EnvVarName;

type Spec<N extends EnvVarName> = (typeof ENV_VARS)[N];
/** What {@link readEnv} returns for a variable. */
export type EnvValue<N extends EnvVarName> =
  Spec<N> extends { kind: 'flag' }
    ? boolean
    : Spec<N> extends { kind: 'list' }
      ? string[]
      : Spec<N> extends { kind: 'number' }
        ? number
        : Spec<N> extends { kind: 'choice'; values: readonly (infer V)[] }
          ? V | undefined
          : Spec<N> extends { default: string }
            ? string
            : string | undefined;

const TRUE = new Set(['1', 'true', 'yes', 'on']);
const FALSE = new Set(['0', 'false', 'no', 'off']);

/** @throws TypeError naming the variable when it is neither yes nor no: a typo must not pass for the default. */
function readFlag(name: string, raw: string): boolean {
  const word = raw.toLowerCase();
  if (TRUE.has(word)) return true;
  if (FALSE.has(word)) return false;
  throw new TypeError(`${name}="${raw}" is not a switch: use 1 or 0 (or unset it)`);
}

function readNumber(name: string, raw: string, spec: NumberSpec): number {
  const value = Number(raw);
  const ok = Number.isFinite(value) && (spec.min === 'positive' ? value > 0 : value >= 0);
  if (!ok)
    throw new TypeError(`The environment variable ${name} should be a ${spec.min} number (got ${JSON.stringify(raw)})`);
  return value;
}

function readChoice(name: string, raw: string, spec: ChoiceSpec): string {
  if (spec.values.includes(raw)) return raw;
  const quoted = spec.values.map((value) => `"${value}"`);
  const choices = `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
  throw new JestPerfError(
    'JEST_PERF_USAGE',
    `${name}="${raw}" is not ${spec.noun}: use ${choices} (or unset it ${spec.unset})`,
    {
      fix: `${name}=${spec.values[0]}`,
    },
  );
}

function readList(raw: string): string[] {
  return raw
    .split(/[\s,]+/)
    .map((tag) => tag.replace(/^@/, ''))
    .filter(Boolean);
}

/**
 * The typed value of one variable: its default when unset or empty.
 * @throws TypeError for a number that is not one; JestPerfError JEST_PERF_USAGE for a choice that is not one.
 * @example if (readEnv('JEST_PERF_KEEP_TMP')) console.log(dir);
 */
export function readEnv<N extends EnvVarName>(name: N, env: EnvSource = process.env): EnvValue<N> {
  const spec: EnvVarSpec = ENV_VARS[name];
  // Words and numbers are trimmed; a text (a path) is taken as it is.
  const raw = spec.kind === 'text' ? (env[name] ?? '') : (env[name]?.trim() ?? '');
  const value = (() => {
    switch (spec.kind) {
      case 'flag':
        return raw === '' ? spec.default : readFlag(name, raw);
      case 'list':
        return readList(raw);
      case 'number':
        return raw === '' ? spec.default : readNumber(name, raw, spec);
      case 'choice':
        return raw === '' ? undefined : readChoice(name, raw, spec);
      case 'text':
        return raw === '' ? spec.default : raw;
    }
  })();
  return value as EnvValue<N>;
}

/** A value to set: what {@link readEnv} would read back. */
export type EnvAssignment = { [N in EnvVarName]?: EnvValue<N> };

/**
 * Values for a child process's environment, written as {@link readEnv} reads them; `undefined` is
 * left out. Spread it over the parent's: `{ ...process.env, ...envValues({ JEST_PERF: true }) }`.
 */
export function envValues(values: EnvAssignment): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) continue;
    out[name] = Array.isArray(value)
      ? value.join(',')
      : typeof value === 'boolean'
        ? value
          ? '1'
          : '0'
        : String(value);
  }
  return out;
}
