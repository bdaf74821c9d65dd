/**
 * Property-based fuzzing of the dataset config reader (fast-check): whatever a config file holds, the
 * registry answers (available or not, with a DatasetError) and never crashes or reads outside its folder.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { expectOnlyDocumentedErrors, fileContents, fuzzParameters } from '../../../cli/src/__tests__/helpers/fuzz';
import { DatasetRegistry } from '../DatasetRegistry';
import { isDatasetError } from '../errors';
import { installChannel, restoreChannel } from './helpers/fakeChannel';
import { removeTempDirs, tempDir } from './helpers/tempDatasets';

beforeEach(() => installChannel());
afterEach(() => {
  restoreChannel();
  removeTempDirs();
});

const VALID = { files: ['data/ok.csv'], description: 'ok', rows: 3 };

describe('fuzzed dataset configs (fast-check)', () => {
  it('finds the valid config it starts from available (so the fuzzing reaches past the reader)', () => {
    const root = tempDir({ 'datasets/data/ok.csv': 'a\n1\n' });
    const dir = path.join(root, 'datasets');
    fs.writeFileSync(path.join(dir, 'ok.json'), JSON.stringify(VALID));
    expect(new DatasetRegistry({ dir, load: async () => 'loaded' }).availability('ok')).toEqual({ available: true });
  });

  it('every registry call answers or throws a DatasetError / JestPerfError', async () => {
    await fc.assert(
      fc.asyncProperty(fileContents(VALID), async (content) => {
        const root = tempDir({ 'datasets/data/ok.csv': 'a\n1\n', 'secret/x.csv': 'secret' });
        const dir = path.join(root, 'datasets');
        fs.writeFileSync(path.join(dir, 'ok.json'), content);
        const load = jest.fn(async () => 'loaded');
        const registry = new DatasetRegistry({ dir, load });
        expectOnlyDocumentedErrors(() => registry.names(), isDatasetError);
        expectOnlyDocumentedErrors(() => registry.availability('ok'), isDatasetError);
        expectOnlyDocumentedErrors(() => registry.config('ok'), isDatasetError);
        await registry.getDatasetByName('ok').catch((error: unknown) => {
          if (!isDatasetError(error)) throw error;
        });
        expect(load.mock.calls.every((call) => !JSON.stringify(call).includes('secret'))).toBe(true);
      }),
      fuzzParameters(),
    );
  });
});
