import * as fs from 'node:fs';
import { type RunFile, readLatestRun, readRunFile, syncHistory } from '@jest-perf/core';
import { makeRun, makeTest } from '../../../report/src/__tests__/helpers/runs';
import { mergeCommand } from '../commands/merge';
import { cli, createProject, type TempProject } from './helpers/project';

let project: TempProject;
beforeEach(() => {
  project = createProject();
});
afterEach(() => project.remove());

function shard(index: number, count: number, titles: string[]): RunFile {
  return makeRun({
    runId: `shard-${index}`,
    shard: { index, count },
    tests: titles.map((title) => makeTest({ file: `src/s${index}.test.ts`, title, durationMs: 100 })),
  });
}

function writeShards(...runs: RunFile[]): string[] {
  return runs.map((run) => {
    project.write(`shards/${run.runId}.json`, JSON.stringify(run));
    return `shards/${run.runId}.json`;
  });
}

describe('merge parse', () => {
  it('reads the files and --out', () => {
    expect(mergeCommand.parse({ root: '/p', files: ['a.json', 'b.json'], out: 'm.json' })).toEqual({
      root: '/p',
      files: ['a.json', 'b.json'],
      out: 'm.json',
    });
  });

  it('needs at least one file', () => {
    expect(() => mergeCommand.parse({ root: '/p', files: [] })).toThrow(
      'merge needs at least one run file\nExample: npx jest-perf merge shards/*.json',
    );
  });
});

describe('jest-perf merge', () => {
  it('stores two shards as one run: runs/, latest.json and the history', async () => {
    const files = writeShards(shard(1, 2, ['a', 'b']), shard(2, 2, ['c']));

    const result = await cli(['merge', ...files], project.root);

    expect(result.code).toBe(0);
    expect(result.err).toBe('');
    const latest = readLatestRun(project.paths);
    expect(result.out).toBe(`Merged 2 run(s), 3 tests → .jest-perf/runs/${latest.runId}.json`);
    expect(latest.summary.total).toBe(3);
    expect(latest.shard).toBeNull();
    expect(syncHistory(project.paths).history.tests.size).toBe(3);
  });

  it('stores the same shards merged twice (a retried CI job) as one run of the history', async () => {
    const files = writeShards(shard(1, 2, ['a']), shard(2, 2, ['b']));

    await cli(['merge', ...files], project.root);
    const again = await cli(['merge', ...files], project.root);

    expect(again.code).toBe(0);
    expect(syncHistory(project.paths).history.runs).toHaveLength(1);
  });

  it('gives shards of another run another run id', async () => {
    await cli(['merge', ...writeShards(shard(1, 2, ['a']), shard(2, 2, ['b']))], project.root);
    const other = { ...shard(1, 2, ['a']), runId: 'shard-1-retried' };
    await cli(['merge', ...writeShards(other, shard(2, 2, ['b']))], project.root);

    expect(syncHistory(project.paths).history.runs).toHaveLength(2);
  });

  it('writes the merged run to --out without touching the project data', async () => {
    const files = writeShards(shard(1, 2, ['a']), shard(2, 2, ['b']));

    const result = await cli(['merge', ...files, '--out', 'merged.json'], project.root);

    expect(result.code).toBe(0);
    expect(result.out).toBe('Merged 2 run(s), 2 tests → merged.json');
    expect(readRunFile(`${project.root}/merged.json`).tests.map((t) => t.title)).toEqual(['a', 'b']);
    expect(fs.existsSync(project.paths.latest)).toBe(false);
  });

  it('fails with exit 2 when two shards hold the same test', async () => {
    const files = writeShards(shard(1, 2, ['a']), { ...shard(1, 2, ['a']), runId: 'shard-1b' });

    const result = await cli(['merge', ...files, '--out', 'merged.json'], project.root);

    expect(result.code).toBe(2);
    expect(result.err).toContain('test "src/s1.test.ts › a" is in runs shard-1 and shard-1b');
    expect(fs.existsSync(`${project.root}/merged.json`)).toBe(false);
  });

  it('warns that the merged run is incomplete when a shard is missing', async () => {
    const files = writeShards(shard(1, 3, ['a']), shard(3, 3, ['c']));

    const result = await cli(['merge', ...files, '--out', 'merged.json'], project.root);

    expect(result.code).toBe(0);
    expect(result.err).toBe('warning: merged run is incomplete:\n  shard 2/3 is missing');
    expect(readRunFile(`${project.root}/merged.json`).incomplete).toBe(true);
  });

  it('warns on stderr that shards of different shard counts were merged', async () => {
    const files = writeShards(shard(1, 2, ['a']), shard(2, 3, ['b']));

    const result = await cli(['merge', ...files, '--out', 'merged.json'], project.root);

    expect(result.code).toBe(0);
    expect(result.err).toContain('warning: merged run is incomplete:');
    expect(result.err).toContain('the shards disagree on the shard count');
    expect(readRunFile(`${project.root}/merged.json`).incomplete).toBe(true);
  });

  it('fails with exit 2 naming a shard file that does not exist', async () => {
    const result = await cli(['merge', 'shards/nope.json'], project.root);

    expect(result.code).toBe(2);
    expect(result.err).toContain('nope.json');
  });
});
