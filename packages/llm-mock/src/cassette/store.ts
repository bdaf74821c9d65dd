import * as fs from 'node:fs';
import { readValidatedJson, writeJsonAtomic } from '@jest-perf/core';
import { type CassetteEntry, type CassetteFile, cassetteFileSchema } from './schema';

/** How to fix a cassette file that cannot be read. */
const FIX = 're-record it: LLM_CASSETTE_MODE=record npx jest <test file> (or delete the file and record again)';

/**
 * Reads a cassette file through its ajv schema (errors name the file and the field).
 * A missing file is an empty cassette.
 * @throws {JestPerfError} JEST_PERF_FILE_CORRUPT / JEST_PERF_FILE_INVALID for a bad file.
 */
export function readCassetteFile(file: string): CassetteFile {
  if (!fs.existsSync(file)) return { schemaVersion: 1, entries: {} };
  return readValidatedJson<CassetteFile>(file, cassetteFileSchema, { what: 'cassette file', fix: FIX });
}

/** One cassette file, loaded on first use and rewritten atomically after each recorded entry. */
export class CassetteStore {
  private data: CassetteFile | undefined;

  constructor(readonly file: string) {}

  /** The entry under `key`, if recorded. */
  get(key: string): CassetteEntry | undefined {
    return this.load().entries[key];
  }

  /**
   * Saves an entry and writes the file at once (temp file + rename), entries sorted by key so a
   * re-recording gives a small diff. Re-reads the file first, keeping entries other test files wrote
   * to a shared cassette.
   */
  put(key: string, entry: CassetteEntry): void {
    this.data = undefined;
    const entries = { ...this.load().entries, [key]: entry };
    const sorted = Object.fromEntries(
      Object.keys(entries)
        .sort()
        .map((k) => [k, entries[k] as CassetteEntry]),
    );
    this.data = { schemaVersion: 1, entries: sorted };
    writeJsonAtomic(this.file, this.data);
  }

  private load(): CassetteFile {
    this.data ??= readCassetteFile(this.file);
    return this.data;
  }
}
