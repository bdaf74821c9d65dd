import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { JestPerfError } from '../errors';
import { readHistory, rewriteHistory } from '../history';
import type { RunFile } from '../types';
import { arrowSpots, overwrite } from './helpers/arrowSpots';

let dir: string;
let valid: Buffer;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-arrow-'));
  const runs = [0, 1, 2].map(
    (r) =>
      ({
        runId: `r${r}`,
        startedAt: `2026-01-0${r + 1}T00:00:00.000Z`,
        git: { commit: `abc${r}`, branch: 'main' },
        tests: Array.from({ length: 20 }, (_, t) => ({
          id: `src/a${t % 3}.test.ts › t${t}`,
          file: `src/a${t % 3}.test.ts`,
          durationMs: 10 + t + r,
          status: t === 5 ? 'failed' : 'passed',
        })),
      }) as unknown as RunFile,
  );
  const file = path.join(dir, 'valid.arrow');
  rewriteHistory(file, new Set(), runs);
  valid = fs.readFileSync(file);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let cases = 0;
/** Reads `bytes` as the history; returns the JestPerfError thrown, or null when it read. */
function readDamaged(bytes: Uint8Array): JestPerfError | null {
  const file = path.join(dir, `case-${(cases += 1)}.arrow`);
  fs.writeFileSync(file, bytes);
  try {
    readHistory(file);
    return null;
  } catch (error) {
    if (error instanceof JestPerfError) return error;
    throw error; // a TypeError or RangeError from inside the decoder: a crash
  } finally {
    fs.rmSync(file);
  }
}

describe('a damaged history file', () => {
  it('reads the undamaged file (the check accepts what jest-perf writes)', () => {
    expect(readDamaged(valid)).toBeNull();
  });

  // Before the check, apache-arrow decoded these as a four-billion-entry node list or a two-billion-row
  // dictionary: V8 aborted with out-of-memory (exit 134) or hung, not an error the CLI could catch.
  it.each(['huge', 'ones'] as const)(
    'is refused as corrupt, naming the damage, when a count or length is %s',
    (value) => {
      const spots = arrowSpots(valid);
      expect(spots.length).toBeGreaterThan(20);
      for (const spot of spots) {
        const error = readDamaged(overwrite(valid, spot, value));
        expect({ spot: spot.what, code: error?.code }).toEqual({ spot: spot.what, code: 'JEST_PERF_FILE_CORRUPT' });
        expect(error?.message).toMatch(
          /^run history is damaged: .+\n {2}Fix: delete case-\d+\.arrow \(jest-perf rebuilds it/,
        );
      }
    },
  );

  it('says which count is wrong', () => {
    const spot = arrowSpots(valid).find((s) => /^record batch \d+ node count$/.test(s.what));
    expect(spot).toBeDefined();

    const error = readDamaged(overwrite(valid, spot as NonNullable<typeof spot>, 'huge'));

    expect(error?.message.split('\n')[0]).toMatch(
      /^run history is damaged: record batch 0 nodes: \d+ entries cannot fit in the metadata/,
    );
  });

  it('returns or throws JEST_PERF_FILE_CORRUPT for huge values written anywhere (fast-check)', () => {
    const damaged = fc
      .tuple(fc.nat({ max: valid.length - 8 }), fc.constantFrom(0x7fff_fff0, -1, 0x8000_0000 | 0, 0x10000))
      .map(([at, value]) => {
        const copy = Buffer.from(valid);
        copy.writeInt32LE(value, at);
        return copy;
      });
    fc.assert(
      fc.property(damaged, (bytes) => {
        const error = readDamaged(bytes);
        if (error) expect(error.code).toBe('JEST_PERF_FILE_CORRUPT');
      }),
      { numRuns: Number(process.env.FUZZ_RUNS) || 300, seed: Number(process.env.FUZZ_SEED) || 20261205 },
    );
  });
});
