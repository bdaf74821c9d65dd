import * as path from 'node:path';
import { JEST_PERF_CLI, runScriptCommand, writeFileAtomic } from '@jest-perf/core';
import { createTwoFilesPatch } from 'diff';
import type { CommandModule } from '../command';
import { type InitPlan, planInit } from '../init/planInit';
import { type CliIo, EXIT, type ExitCode } from '../io';

interface InitOptions {
  root: string;
  dryRun: boolean;
}

type Plan = Extract<InitPlan, { kind: 'plan' }>;

function isInstalled(root: string): boolean {
  try {
    require.resolve('@jest-perf/preset/package.json', { paths: [root] });
    return true;
  } catch {
    return false;
  }
}

function printDiffs(plan: Plan, root: string, io: CliIo): void {
  for (const change of plan.changes) {
    const name = path.relative(root, change.file).split(path.sep).join('/');
    const from = change.before === null ? '/dev/null' : `a/${name}`;
    io.out(
      createTwoFilesPatch(from, `b/${name}`, change.before ?? '', change.after, undefined, undefined, { context: 3 }),
    );
  }
}

function printNext(plan: Plan, root: string, io: CliIo): void {
  const lines = ['Next:'];
  if (!isInstalled(root))
    lines.push('  install @jest-perf/preset and @jest-perf/cli as dev dependencies (see the guide)');
  lines.push(
    `  ${runScriptCommand(root, 'perf:track')}          # a tracked Jest run (or: ${JEST_PERF_CLI} track)`,
    `  ${JEST_PERF_CLI} report`,
    `  ${runScriptCommand(root, 'perf:baseline')}       # after ~5 tracked runs; then commit ${plan.baseline}`,
  );
  io.out(lines.join('\n'));
}

/** `jest-perf init`: wire jest-perf into an existing project's Jest config, .gitignore and scripts. */
export const initCommand: CommandModule<InitOptions> = {
  command: 'init',
  describe: 'Wire jest-perf into this project: Jest config, .gitignore, perf:* scripts (--dry-run shows the diff)',
  builder: (yargs) =>
    yargs.option('dry-run', {
      type: 'boolean',
      default: false,
      describe: 'print the diff of every change, write nothing',
    }),
  parse(args) {
    return { root: String(args.root), dryRun: args['dry-run'] === true };
  },
  run(options, io): ExitCode {
    const root = path.resolve(io.cwd, options.root);
    const plan = planInit(root);
    if (plan.kind === 'refused') {
      const name = path.relative(root, plan.config.file) || plan.config.file;
      io.err(
        [
          `jest-perf init: cannot edit ${name} safely: ${plan.reason}. Nothing was changed.`,
          'Add these lines by hand:',
          ...plan.manual.map((line) => `  ${line}`),
          `then run \`${JEST_PERF_CLI} init\` again to add the .gitignore lines and the perf:* scripts.`,
        ].join('\n'),
      );
      return EXIT.usage;
    }
    for (const line of plan.kept) io.out(`  kept: ${line}`);
    if (plan.changes.length === 0) {
      io.out('jest-perf is already wired into this project: nothing to change.');
      return EXIT.ok;
    }
    if (options.dryRun) {
      printDiffs(plan, root, io);
      io.out(`Dry run: ${plan.changes.length} file(s) would change; nothing was written.`);
      return EXIT.ok;
    }
    for (const change of plan.changes) writeFileAtomic(change.file, change.after);
    io.out(['Wired jest-perf into this project:', ...plan.done.map((line) => `  ${line}`)].join('\n'));
    printNext(plan, root, io);
    return EXIT.ok;
  },
};
