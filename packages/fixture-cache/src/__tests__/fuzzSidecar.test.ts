/**
 * Property-based fuzzing of the cache metadata reader (fast-check): whatever a sidecar holds, a lookup
 * is a hit, a miss or a corrupt entry (then rebuilt) — never a crash.
 */
import * as fs from 'node:fs';
import fc from 'fast-check';
import { expectOnlyDocumentedErrors, fileContents, fuzzParameters } from '../../../cli/src/__tests__/helpers/fuzz';
import { cachedTable } from '../cachedTable';
import { readSidecar } from '../sidecar';
import { entryPaths, readEntry } from '../store';
import { makeTable, onlyFile, rowsOf, useCacheSandbox } from './helpers/setup';

const sandbox = useCacheSandbox();

describe('fuzzed cache metadata (fast-check)', () => {
  it('readSidecar, readEntry and a lookup survive any metadata file', async () => {
    const dir = sandbox.dir();
    const options = { dir, memoryMaxBytes: 0 };
    await cachedTable({ n: 1 }, () => makeTable(20, 1), options);
    const sidecarFile = onlyFile(dir, '.meta.json');
    const valid = JSON.parse(fs.readFileSync(sidecarFile, 'utf8')) as { key: string };
    const paths = entryPaths(dir, valid.key, '.arrow');

    await fc.assert(
      fc.asyncProperty(fileContents(valid), async (content) => {
        if (!fs.existsSync(paths.data)) await cachedTable({ n: 1 }, () => makeTable(20, 1), options);
        fs.writeFileSync(paths.sidecar, content);
        expectOnlyDocumentedErrors(() => readSidecar(paths.sidecar));
        expect(['hit', 'miss', 'corrupt']).toContain(readEntry(paths, { keepBytes: true, verify: 'checksum' }).kind);
        const table = await cachedTable({ n: 1 }, () => makeTable(20, 1), options);
        expect(rowsOf(table)).toEqual(rowsOf(makeTable(20, 1)));
      }),
      fuzzParameters(40),
    );
  });
});
