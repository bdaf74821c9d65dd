import * as path from 'node:path';
import { confinedPath } from '@jest-perf/core';
import { LlmMockError } from '../errors';
import type { LlmCallResult, LlmPrompt } from '../types';
import { cassetteKey } from './key';
import { type CassetteMode, resolveCassetteMode } from './mode';
import type { CassetteEntry } from './schema';
import { scrubPaths, scrubSecretsDeep } from './scrub';
import { CassetteStore } from './store';

/** Where cassettes live and what they keep. */
export interface CassetteOptions {
  /** Named cassette `<dir>/<name>.json`; default: the test file's name (`queryEngine.test.ts` → `queryEngine`). */
  name?: string;
  /** Folder of cassette files; default `cassettes/` next to the test file. */
  dir?: string;
  /** Default `replay`; `LLM_CASSETTE_MODE` overrides it. */
  mode?: CassetteMode;
  /** Dotted paths in the saved result replaced by `[scrubbed]`: `['payload.patientId', 'payload.rows.*.mrn']`. */
  scrub?: string[];
  /** Secret patterns scrubbed from every saved string; default {@link DEFAULT_SECRET_PATTERNS}. */
  secretPatterns?: RegExp[];
  /** Bump when the app's payload schemas change: it is part of every key, so old entries stop matching. */
  schemaVersion?: string;
}

/** Transport failures say nothing about the model; recording them would replay an outage forever. */
const NOT_RECORDED = new Set(['LLM_TIMEOUT', 'LLM_UNREACHABLE', 'LLM_HTTP_ERROR']);

/** A cassette bound to one test file: looks answers up and saves new ones. */
export interface Cassette {
  readonly mode: CassetteMode;
  readonly file: string;
  /** The recorded result of a call. @throws {LlmMockError} JEST_PERF_LLM_CASSETTE_MISS when there is none. */
  replay<F extends string, P>(prompt: LlmPrompt<F>): LlmCallResult<F, P>;
  /** Saves a real result (scrubbed); returns false when it was not worth saving (a transport failure). */
  record(prompt: LlmPrompt, result: LlmCallResult): boolean;
}

/** Opens the cassette of `testPath` per `options` (nothing is read until the first call). */
export function openCassette(options: CassetteOptions, testPath: string | undefined): Cassette {
  const mode = resolveCassetteMode(options.mode);
  if (!testPath && !(options.dir && options.name)) {
    throw new LlmMockError(
      'JEST_PERF_LLM_USAGE',
      'Cannot place the cassette: no test file path and no cassette.dir + cassette.name',
      {
        fix: 'create the mock inside a Jest test file, or pass cassette: { dir, name }',
      },
    );
  }
  const fromTest = testPath ?? '';
  const dir = options.dir ?? path.join(path.dirname(fromTest), 'cassettes');
  const name = options.name ?? path.basename(fromTest).replace(/\.(?:test|spec)\.[cm]?[jt]sx?$|\.[cm]?[jt]sx?$/, '');
  // a name is a file in the cassette folder, never a path out of it (confinedPath refuses `../`, absolute paths)
  const file = confinedPath(dir, `${name}.json`, {
    what: 'cassette name',
    fix: `name the cassette with a plain file name inside ${dir} (cassette: { name: 'queries' }), or set cassette.dir to the folder you want`,
  });
  const store = new CassetteStore(file);
  const schemaVersion = options.schemaVersion ?? '1';
  const keyOf = (prompt: LlmPrompt) => cassetteKey({ ...prompt, schemaVersion });

  return {
    mode,
    file,
    replay<F extends string, P>(prompt: LlmPrompt<F>): LlmCallResult<F, P> {
      const key = keyOf(prompt);
      const entry = store.get(key);
      if (!entry) {
        const excerpt = prompt.user.length > 80 ? `${prompt.user.slice(0, 80)}…` : prompt.user;
        throw new LlmMockError(
          'JEST_PERF_LLM_CASSETTE_MISS',
          `No cassette entry for ${prompt.feature} (model ${prompt.model}) with prompt ${JSON.stringify(excerpt)}, key ${key}`,
          {
            file,
            fix: `record it: LLM_CASSETTE_MODE=record npx jest ${testPath ?? '<test file>'} (needs the real LLM); a changed prompt, model or schemaVersion needs a new recording`,
          },
        );
      }
      return { ...(entry.result as LlmCallResult<F, P>), feature: prompt.feature, model: entry.model };
    },
    record(prompt, result) {
      if (result.error && NOT_RECORDED.has(result.error.code)) return false;
      const { rawText, payload, latencyMs, timedOut, error } = result;
      let saved: CassetteEntry['result'] = { rawText, payload, latencyMs, timedOut, error };
      if (options.scrub?.length) {
        saved = scrubPaths(saved, options.scrub);
        if (saved.rawText === rawText) saved.rawText = scrubRawText(rawText, options.scrub);
      }
      const entry: CassetteEntry = {
        feature: prompt.feature,
        model: result.model,
        systemExcerpt: prompt.system.split('\n')[0]?.slice(0, 200) ?? '',
        user: prompt.user,
        payloadSchemaVersion: schemaVersion,
        result: saved,
      };
      store.put(keyOf(prompt), scrubSecretsDeep(entry, options.secretPatterns));
      return true;
    },
  };
}

/** `rawText` is the payload's JSON: scrub the same `payload.*` paths in it, or leave non-JSON text to the secret patterns. */
function scrubRawText(rawText: string, paths: readonly string[]): string {
  const payloadPaths = paths.filter((p) => p.startsWith('payload.')).map((p) => p.slice('payload.'.length));
  if (payloadPaths.length === 0) return rawText;
  try {
    return JSON.stringify(scrubPaths(JSON.parse(rawText) as unknown, payloadPaths));
  } catch {
    return rawText;
  }
}
