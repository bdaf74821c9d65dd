import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Test } from '@jest/test-result';
import BalancedSequencer from '../sequencer';
import { runWithFiles, writeRun } from './helpers/runFiles';

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-sequencer-'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

function tests(names: string[]): Test[] {
  return names.map(
    (name) =>
      ({ path: path.join(root, name), duration: undefined, context: { config: { rootDir: root } } }) as unknown as Test,
  );
}

function sequencer(): BalancedSequencer {
  return new BalancedSequencer({ contexts: [], globalConfig: {} } as unknown as ConstructorParameters<
    typeof BalancedSequencer
  >[0]);
}

function writeLatest(files: Record<string, number>): void {
  writeRun(root, runWithFiles(files));
}

describe('BalancedSequencer.shard', () => {
  it('splits by recorded duration so the shards carry equal time, every file once', async () => {
    writeLatest({ 'slow.test.js': 900, 'a.test.js': 300, 'b.test.js': 300, 'c.test.js': 300 });
    const all = tests(['a.test.js', 'b.test.js', 'c.test.js', 'slow.test.js']);
    const first = await sequencer().shard(all, { shardIndex: 1, shardCount: 2 });
    const second = await sequencer().shard(all, { shardIndex: 2, shardCount: 2 });
    expect(first.map((t) => path.basename(t.path))).toEqual(['slow.test.js']);
    expect(second.map((t) => path.basename(t.path)).sort()).toEqual(['a.test.js', 'b.test.js', 'c.test.js']);
  });

  it("falls back to Jest's own split when nothing is recorded", async () => {
    const all = tests(['a.test.js', 'b.test.js', 'c.test.js']);
    const parts = await Promise.all(
      [1, 2, 3].map((shardIndex) => sequencer().shard(all, { shardIndex, shardCount: 3 })),
    );
    expect(
      parts
        .flat()
        .map((t) => t.path)
        .sort(),
    ).toEqual(all.map((t) => t.path).sort());
  });

  it('returns nothing for an empty list', async () => {
    expect(await sequencer().shard([], { shardIndex: 1, shardCount: 2 })).toEqual([]);
  });
});

describe('loading the sequencer', () => {
  it('loads none of core until a sharded run asks it to split (every run loads the sequencer)', () => {
    jest.isolateModules(() => {
      const loaded: string[] = [];
      jest.doMock('@jest-perf/core', () => {
        loaded.push('@jest-perf/core');
        return jest.requireActual('@jest-perf/core');
      });
      const Isolated = require('../sequencer') as typeof BalancedSequencer;
      const isolated = new Isolated({ contexts: [], globalConfig: {} } as unknown as ConstructorParameters<
        typeof BalancedSequencer
      >[0]);
      expect(loaded).toEqual([]);

      isolated.shard(tests(['a.test.js']), { shardIndex: 1, shardCount: 1 });

      expect(loaded).toEqual(['@jest-perf/core']);
    });
  });
});
