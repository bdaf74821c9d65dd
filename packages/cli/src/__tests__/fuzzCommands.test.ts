/**
 * Property-based fuzzing of the CLI commands that read files, run in-process through their
 * `parse` + `run(options, io)` on a temp project with one of its files damaged: every outcome is an
 * exit code (0, 1, 2) or the documented JestPerfError (which the CLI prints and exits 2 with).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE } from '@jest-perf/core';
import fc from 'fast-check';
import { makeRun, makeTest } from '../../../report/src/__tests__/helpers/runs';
import type { AnyCommand } from '../command';
import { categorizeCommand } from '../commands/categorize';
import { checkCommand } from '../commands/check';
import { compareCommand } from '../commands/compare';
import { mergeCommand } from '../commands/merge';
import { profileFixturesCommand } from '../commands/profileFixtures';
import { reportCommand } from '../commands/report';
import type { CliIo } from '../io';
import { fileContents, fuzzParameters } from './helpers/fuzz';
import { createProject, type TempProject } from './helpers/project';

const runAt = (minute: number, slowBy = 1) =>
  makeRun({
    runId: `r00${minute}`,
    minute,
    tests: [
      makeTest({ title: 'loads', durationMs: 100 * slowBy, line: 3 }),
      makeTest({ file: 'src/b.test.ts', title: 'parses', durationMs: 40_000, line: 1 }),
    ],
  });
const RUN = runAt(5, 3);
const BASELINE_SOURCE = [runAt(1), runAt(2), runAt(3)];
const OTHER_SHARD = makeRun({
  runId: 'r006',
  tests: [makeTest({ file: 'src/c.test.ts', title: 'other', durationMs: 5 })],
});

/** The files a command may read, and the valid content each is damaged from. */
type Target = 'latest' | 'runFile' | 'baseline' | 'config' | 'argument';

function validContent(project: TempProject, target: Target): unknown {
  if (target === 'baseline') return JSON.parse(fs.readFileSync(project.paths.baseline, 'utf8'));
  if (target === 'config') return { slowTestMs: 1000, historySize: 20, regression: { minSamples: 3 } };
  return RUN;
}

/** Projects still on disk, removed after the file (each property run removes its own as it ends). */
const projects = new Set<TempProject>();
afterAll(() => {
  for (const project of projects) project.remove();
});

/** A project with history, a baseline and a latest run, and a file `shards/arg.json` for file arguments. */
function freshProject(): TempProject {
  const project = createProject();
  projects.add(project);
  project.save(...BASELINE_SOURCE);
  project.baseline(BASELINE_SOURCE);
  project.save(RUN);
  project.write('src/a.test.ts', "it('x', () => {});\n\n it('loads', () => {});\n");
  project.write('shards/arg.json', JSON.stringify(RUN));
  project.write('shards/other.json', JSON.stringify(OTHER_SHARD));
  return project;
}

function damage(project: TempProject, target: Target, content: string | Uint8Array): void {
  const file = {
    latest: project.paths.latest,
    runFile: path.join(project.paths.runsDir, fs.readdirSync(project.paths.runsDir).sort()[0] as string),
    baseline: project.paths.baseline,
    config: path.join(project.root, CONFIG_FILE),
    argument: path.join(project.root, 'shards/arg.json'),
  }[target];
  fs.writeFileSync(file, content);
}

const io = (cwd: string): CliIo => ({ cwd, env: {}, out: () => {}, err: () => {} });

/** Runs a command; resolves when it ended with an exit code or the documented error. */
async function runCommand(command: AnyCommand, args: Record<string, unknown>, cwd: string): Promise<void> {
  try {
    const code = await command.run(command.parse(args), io(cwd));
    expect([0, 1, 2]).toContain(code);
  } catch (error) {
    const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown };
    if (name === 'JestPerfError' && typeof code === 'string' && code.startsWith('JEST_PERF_')) return;
    throw error;
  }
}

const CASES: [string, AnyCommand, (root: string) => Record<string, unknown>, Target[]][] = [
  [
    'report',
    reportCommand,
    (root) => ({ root, format: 'markdown', top: 5 }),
    ['latest', 'runFile', 'baseline', 'config'],
  ],
  [
    'report --compare-baseline',
    reportCommand,
    (root) => ({ root, format: 'json', top: 5, compareBaseline: true }),
    ['latest', 'baseline', 'config'],
  ],
  ['check', checkCommand, (root) => ({ root }), ['latest', 'runFile', 'baseline', 'config']],
  ['check --last 2', checkCommand, (root) => ({ root, last: 2 }), ['runFile', 'baseline']],
  [
    'categorize --apply --run',
    categorizeCommand,
    (root) => ({ root, run: 'shards/arg.json', apply: true }),
    ['argument', 'config'],
  ],
  [
    'merge',
    mergeCommand,
    (root) => ({ root, files: ['shards/arg.json', 'shards/other.json'], out: 'merged.json' }),
    ['argument'],
  ],
  [
    'compare',
    compareCommand,
    (root) => ({ root, before: '.jest-perf/latest.json', after: 'shards/arg.json', format: 'markdown' }),
    ['argument', 'latest'],
  ],
  ['profile-fixtures', profileFixturesCommand, (root) => ({ root, format: 'markdown', top: 5 }), ['latest', 'config']],
];

describe('fuzzed CLI commands (fast-check)', () => {
  it.each(CASES)(
    '%s runs on the undamaged project (so the fuzzing reaches past parse)',
    async (_name, command, args) => {
      const project = freshProject();
      const code = await command.run(command.parse(args(project.root)), io(project.root));
      expect([0, 1]).toContain(code);
    },
  );

  it.each(CASES)(
    '%s ends with an exit code or a JestPerfError, whatever file is damaged',
    async (_name, command, args, targets) => {
      const template = freshProject();
      const arbitrary = fc
        .constantFrom(...targets)
        .chain((target) => fileContents(validContent(template, target)).map((content) => ({ target, content })));
      await fc.assert(
        fc.asyncProperty(arbitrary, async ({ target, content }) => {
          const project = freshProject();
          damage(project, target, content);
          await runCommand(command, args(project.root), project.root);
          project.remove();
          // jest-perf-audit-allow shared-module-state: a registry of temp folders to remove; no test reads it
          projects.delete(project);
        }),
        fuzzParameters(25),
      );
    },
  );
});
