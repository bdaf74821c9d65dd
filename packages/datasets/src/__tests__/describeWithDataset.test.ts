import { DatasetRegistry } from '../DatasetRegistry';
import { type DescribeGlobal, describeWithDataset, type ItGlobal, itWithDataset } from '../describeWithDataset';
import { installChannel, restoreChannel } from './helpers/fakeChannel';
import { removeTempDirs, tempDir } from './helpers/tempDatasets';

/** Records what a helper declared instead of declaring it. */
function capture() {
  const declared: { kind: 'describe' | 'describe.skip' | 'it' | 'it.skip'; title: string; timeout?: number }[] = [];
  const describe = Object.assign((title: string) => void declared.push({ kind: 'describe', title }), {
    skip: (title: string) => void declared.push({ kind: 'describe.skip', title }),
  }) satisfies DescribeGlobal;
  const it = Object.assign(
    (title: string, _fn: unknown, timeout?: number) => void declared.push({ kind: 'it', title, timeout }),
    { skip: (title: string) => void declared.push({ kind: 'it.skip', title }) },
  ) satisfies ItGlobal;
  return { declared, describe, it };
}

function registry(fix?: string) {
  const dir = tempDir({
    'statin.json': { files: ['data/statin.csv'] },
    'dexa.json': { files: ['data/dexa.xlsx'] },
    'data/dexa.xlsx': 'xlsx',
  });
  const load = jest.fn(() => 'loaded');
  return { reg: new DatasetRegistry({ dir, load, fix }), load };
}

beforeEach(() => installChannel());
afterEach(() => {
  restoreChannel();
  delete process.env.JEST_PERF_REQUIRE_DATASETS;
});
// Not after each test: the registry declared at the bottom, at collection, needs its folder until the end.
afterAll(removeTempDirs);

describe('describeWithDataset', () => {
  it('declares the block when the dataset is available, without loading it', () => {
    const { reg, load } = registry();
    const { declared, describe } = capture();
    describeWithDataset(reg, 'dexa', 'DEXA scans', () => undefined, { describe });
    expect(declared).toEqual([{ kind: 'describe', title: 'DEXA scans' }]);
    expect(load).not.toHaveBeenCalled();
  });

  it('declares a skipped block whose title gives the reason when the dataset is unavailable', () => {
    const { reg, load } = registry('run `pnpm generate-data`');
    const { declared, describe } = capture();
    describeWithDataset(reg, 'statin', 'statin cohort', () => undefined, { describe });
    expect(declared).toEqual([
      {
        kind: 'describe.skip',
        title:
          'statin cohort — dataset "statin" unavailable: data file data/statin.csv does not exist — run `pnpm generate-data`',
      },
    ]);
    expect(load).not.toHaveBeenCalled();
  });

  it('skips when any of several datasets is unavailable, naming that one', () => {
    const { reg } = registry();
    const { declared, describe } = capture();
    describeWithDataset(reg, ['dexa', 'statin'], 'statin and DEXA', () => undefined, { describe });
    expect(declared[0]).toMatchObject({ kind: 'describe.skip', title: expect.stringContaining('dataset "statin"') });
    describeWithDataset(reg, ['dexa'], 'DEXA only', () => undefined, { describe });
    expect(declared[1]).toEqual({ kind: 'describe', title: 'DEXA only' });
  });

  it('fails at collection instead of skipping with JEST_PERF_REQUIRE_DATASETS=1', () => {
    process.env.JEST_PERF_REQUIRE_DATASETS = '1';
    const { reg } = registry();
    const { declared, describe } = capture();
    expect(() => describeWithDataset(reg, 'statin', 'statin cohort', () => undefined, { describe })).toThrow(
      expect.objectContaining({ code: 'JEST_PERF_DATASET_FILE_MISSING' }),
    );
    expect(() => describeWithDataset(reg, 'statin', 'statin cohort', () => undefined, { describe })).toThrow(
      'unset JEST_PERF_REQUIRE_DATASETS',
    );
    expect(declared).toEqual([]);
  });

  it('throws for an unknown dataset name instead of skipping forever', () => {
    const { reg } = registry();
    const { describe } = capture();
    expect(() => describeWithDataset(reg, 'statn', 'typo', () => undefined, { describe })).toThrow(
      'No dataset named "statn"',
    );
  });

  it("uses Jest's describe by default, and explains when there is none", () => {
    const { reg } = registry();
    const holder = globalThis as { describe?: unknown };
    const jestDescribe = holder.describe;
    const { declared, describe } = capture();
    holder.describe = describe;
    try {
      describeWithDataset(reg, 'dexa', 'default globals', () => undefined);
      holder.describe = undefined;
      expect(() => describeWithDataset(reg, 'dexa', 'no globals', () => undefined)).toThrow(
        "describeWithDataset must be called where Jest's describe is defined",
      );
    } finally {
      holder.describe = jestDescribe;
    }
    expect(declared).toEqual([{ kind: 'describe', title: 'default globals' }]);
  });
});

describe('itWithDataset', () => {
  it('declares the test with its timeout when the dataset is available', () => {
    const { reg } = registry();
    const { declared, it } = capture();
    itWithDataset(reg, 'dexa', 'reads DEXA', () => undefined, { it, timeout: 5000 });
    expect(declared).toEqual([{ kind: 'it', title: 'reads DEXA', timeout: 5000 }]);
  });

  it('declares a skipped test with the reason when the dataset is unavailable', () => {
    const { reg } = registry();
    const { declared, it } = capture();
    itWithDataset(reg, 'statin', 'reads statin', () => undefined, { it });
    expect(declared).toEqual([
      {
        kind: 'it.skip',
        title:
          'reads statin — dataset "statin" unavailable: data file data/statin.csv does not exist — create it, or remove it from statin.json',
      },
    ]);
  });
});

// Declared through the real Jest globals at collection: the unavailable block is reported as skipped.
const collected = registry();
describeWithDataset(collected.reg, 'statin', 'real Jest collection', () => {
  it('is never run because the statin data file is missing', () => {
    throw new Error('should have been skipped');
  });
});
itWithDataset(collected.reg, 'dexa', 'real Jest: runs a test whose dataset is available', () => {
  expect(collected.reg.availability('dexa')).toEqual({ available: true });
});
