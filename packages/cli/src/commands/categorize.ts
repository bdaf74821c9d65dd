import * as path from 'node:path';
import { JEST_PERF_CLI } from '@jest-perf/core';
import { formatDuration } from '@jest-perf/regression';
import { uncategorizedSlowTests } from '@jest-perf/report';
import { optionalString, positiveNumber } from '../args';
import { applyTag, type TagEdit } from '../categorize/applySlowTag';
import type { CommandModule } from '../command';
import { EXIT } from '../io';
import { loadRun, openProject } from '../project';

interface CategorizeOptions {
  root: string;
  run: string | undefined;
  thresholdMs: number | undefined;
  apply: boolean;
}

const EXAMPLE = `${JEST_PERF_CLI} categorize --threshold 30 --apply`;

function describeEdit(edit: TagEdit): string {
  return edit.kind === 'tagged'
    ? `tagged  ${edit.file}:${edit.line}\n  - ${edit.before}\n  + ${edit.after}`
    : `skipped ${edit.file}${edit.line === null ? '' : `:${edit.line}`} "${edit.title}": ${edit.reason}`;
}

/** `jest-perf categorize`: slow tests without the `slow` tag; `--apply` tags them in the source. */
export const categorizeCommand: CommandModule<CategorizeOptions> = {
  command: 'categorize',
  describe: 'List tests over the slow threshold without a `slow` tag; --apply adds the tag in the source',
  example: EXAMPLE,
  builder: (yargs) =>
    yargs
      .option('run', { type: 'string', describe: 'run file to read (default: latest)' })
      .option('threshold', {
        type: 'number',
        requiresArg: true,
        describe: 'slow threshold in seconds (default: config slowTestMs)',
      })
      .option('apply', { type: 'boolean', default: false, describe: 'add " @slow" to the titles where it is safe' }),
  parse: (args) => {
    const seconds = positiveNumber(args.threshold, 'threshold', EXAMPLE);
    return {
      root: String(args.root),
      run: optionalString(args.run),
      thresholdMs: seconds === undefined ? undefined : seconds * 1000,
      apply: args.apply === true,
    };
  },
  run(options, io) {
    const project = openProject(options.root);
    const run = loadRun(project, options.run, io.cwd);
    const thresholdMs = options.thresholdMs ?? project.config.slowTestMs;
    const slow = uncategorizedSlowTests(run, thresholdMs);
    if (slow.length === 0) {
      io.out(`No uncategorised slow tests (threshold ${formatDuration(thresholdMs)}).`);
      return EXIT.ok;
    }
    io.out(`${slow.length} test(s) over ${formatDuration(thresholdMs)} without a \`slow\` tag:`);
    for (const test of slow) io.out(`  ${formatDuration(test.durationMs).padStart(9)}  ${test.id}`);
    if (!options.apply) {
      io.out(`Tag them with a trailing " @slow" in the title, or run: ${JEST_PERF_CLI} categorize --apply`);
      return EXIT.ok;
    }
    const edits = applyTag(
      project.config.rootDir,
      slow.map((test) => ({ file: test.file, line: test.line, title: test.title })),
      'slow',
      options.run ? path.resolve(io.cwd, options.run) : project.paths.latest,
    );
    for (const edit of edits) io.out(describeEdit(edit));
    return EXIT.ok;
  },
};
