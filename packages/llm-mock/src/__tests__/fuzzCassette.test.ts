/**
 * Property-based fuzzing of the cassette reader (fast-check): whatever a cassette file holds, reading
 * it returns a cassette or throws core's JestPerfError naming the file.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { expectOnlyDocumentedErrors, fileContents, fuzzParameters } from '../../../cli/src/__tests__/helpers/fuzz';
import { readCassetteFile } from '../cassette/store';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'llm-mock-fuzz-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const VALID = {
  schemaVersion: 1,
  entries: {
    ['a'.repeat(64)]: {
      feature: 'PARSE',
      model: 'llama3.2',
      systemExcerpt: 'Task: parse',
      user: 'How many?',
      payloadSchemaVersion: '1',
      result: {
        rawText: '{"intent":"count"}',
        payload: { intent: 'count' },
        latencyMs: 812,
        timedOut: false,
        error: { code: 'LLM_SCHEMA_MISMATCH', message: 'x' },
      },
    },
  },
};

describe('fuzzed cassette files (fast-check)', () => {
  it('reads the valid cassette it starts from (so the fuzzing reaches past the schema)', () => {
    const file = path.join(dir, 'valid.json');
    fs.writeFileSync(file, JSON.stringify(VALID));
    expect(Object.keys(readCassetteFile(file).entries)).toHaveLength(1);
  });

  it('readCassetteFile returns or throws a JestPerfError', () => {
    let n = 0;
    fc.assert(
      fc.property(fileContents(VALID), (content) => {
        const file = path.join(dir, `c${(n += 1)}.json`);
        fs.writeFileSync(file, content);
        expectOnlyDocumentedErrors(() => readCassetteFile(file));
      }),
      fuzzParameters(),
    );
  });
});
