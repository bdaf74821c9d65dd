import { JestPerfError } from '@jest-perf/core';
import type { CommandModule } from '../command';
import type { CliIo } from '../io';
import { COMMANDS, exampleFor, runCli } from '../main';
import { formatError, usageError } from '../usageError';
import { type CliResult, cli, createProject, type TempProject } from './helpers/project';

let project: TempProject;
beforeEach(() => {
  project = createProject();
});
afterEach(() => project.remove());

/** A command whose run throws `thrown`, to see how the CLI reports failures it did not plan for. */
function throwingCommand(thrown: unknown): CommandModule<Record<string, never>> {
  return {
    command: 'explode',
    describe: 'throws',
    builder: (yargs) => yargs,
    parse: () => ({}),
    run: () => {
      throw thrown;
    },
  };
}

async function runWith(commands: CommandModule<Record<string, never>>[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { cwd: project.root, env, out: (t) => out.push(t), err: (t) => err.push(t) };
  const code = await runCli(['explode'], io, commands);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('jest-perf --version', () => {
  it("prints the CLI package's version and exits 0, under --version and -v", async () => {
    const { version } = require('../../package.json') as { version: string };

    for (const flag of ['--version', '-v']) {
      const result = await cli([flag], project.root);

      expect(result).toEqual({ code: 0, out: version, err: '' });
    }
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('jest-perf --help', () => {
  it('writes each command as the user runs it (npx jest-perf …), like the messages do', async () => {
    const printed: string[] = [];
    const log = jest.spyOn(console, 'log').mockImplementation((text: unknown) => printed.push(String(text)));
    try {
      expect((await cli(['--help'], project.root)).code).toBe(0);
    } finally {
      log.mockRestore();
    }
    const help = printed.join('\n');
    expect(help.split('\n')[0]).toBe('npx jest-perf <command>');
    expect(help).toContain('npx jest-perf track');
    expect(help).not.toMatch(/^ {2}jest-perf /m);
  });
});

describe('runCli usage errors', () => {
  const COMMAND_LIST =
    '  Fix: name one of the commands: init, track, report, runs, baseline, check, categorize, profile-fixtures, merge, history, test, flaky, compare, audit';
  const CLI_EXAMPLE = 'Example: npx jest-perf report --format markdown   (see npx jest-perf --help)';

  it('rejects an unknown command with exit 2, the commands that exist and an Example line', async () => {
    const result = await cli(['frobnicate'], project.root);

    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err.split('\n')).toEqual(['jest-perf: Unknown command "frobnicate"', COMMAND_LIST, CLI_EXAMPLE]);
  });

  it('names an unknown command after --root too', async () => {
    const result = await cli(['--root', '.', 'frobnicate'], project.root);

    expect(result.err.split('\n')[0]).toBe('jest-perf: Unknown command "frobnicate"');
  });

  it('suggests the closest command for a typo, and lists the commands', async () => {
    const result = await cli(['reprot'], project.root);

    expect(result.code).toBe(2);
    expect(result.err.split('\n')).toEqual([
      'jest-perf: Unknown command "reprot". Did you mean report?',
      COMMAND_LIST,
      CLI_EXAMPLE,
    ]);
  });

  it('lists the commands when none is given', async () => {
    const result = await cli([], project.root);

    expect(result.code).toBe(2);
    expect(result.err.split('\n')).toEqual(['jest-perf: No command given', COMMAND_LIST, CLI_EXAMPLE]);
  });

  it.each([
    [['merge'], 'Example: npx jest-perf merge shards/*.json   (see npx jest-perf merge --help)'],
    [['compare', 'a.json'], 'Example: npx jest-perf compare latest~1 latest'],
    [['--root', '.', 'compare'], 'Example: npx jest-perf compare latest~1 latest'],
  ])('shows the command’s own example when %j misses an argument', async (argv, example) => {
    const result = await cli(argv, project.root);

    expect(result.code).toBe(2);
    expect(result.err).toContain('Not enough non-option arguments');
    expect(result.err.split('\n')[1]).toContain(example);
    expect(result.err).not.toContain('jest-perf report');
  });

  it.each([
    [['check', '--confirm'], 'Example: npx jest-perf check --confirm 3   (see npx jest-perf check --help)'],
    [['check', '--confirm', '3', '--last'], 'Example: npx jest-perf check --last 3   (see npx jest-perf check --help)'],
    [['report', '--top'], 'Example: npx jest-perf report --top 20   (see npx jest-perf report --help)'],
    [['report', '--threshold'], 'Example: npx jest-perf report --threshold 5   (see npx jest-perf report --help)'],
  ])('shows a right use of the flag %j is missing the value of', async (argv, example) => {
    const result = await cli(argv, project.root);

    expect(result.code).toBe(2);
    expect(result.err.split('\n')[1]).toBe(example);
  });

  it.each(COMMANDS.map((command) => [command.command.split(' ')[0] as string, command]))(
    'writes the examples of %s as the user runs them: npx jest-perf …',
    (name, command) => {
      expect(exampleFor([name], COMMANDS)).toMatch(
        new RegExp(`^npx jest-perf .*\\(see npx jest-perf ${name} --help\\)$`),
      );
      for (const example of Object.values(command.flagExamples ?? {})) expect(example).toMatch(/^npx jest-perf /);
    },
  );

  it('rejects an unknown flag of a known command without running it', async () => {
    const result = await cli(['report', '--bogus'], project.root);

    expect(result.code).toBe(2);
    expect(result.err.split('\n')).toHaveLength(2);
    expect(result.err).toContain('Unknown argument: bogus');
    expect(result.err).toContain('Example: ');
    expect(result.err).not.toMatch(/\n\s+at /);
  });

  it('reports a bad flag value with the rule it breaks and an example', async () => {
    const result = await cli(['report', '--top', 'many'], project.root);

    expect(result.code).toBe(2);
    expect(result.err.split('\n')).toEqual([
      'jest-perf: --top must be a whole number of at least 1 (got NaN)',
      'Example: npx jest-perf report --top 20',
    ]);
  });

  it.each([
    [['check', '--confirm'], 'confirm'],
    [['check', '--last'], 'last'],
    [['baseline', '--from-history'], 'from-history'],
    [['report', '--top'], 'top'],
    [['report', '--threshold'], 'threshold'],
    [['categorize', '--threshold'], 'threshold'],
    [['profile-fixtures', '--top'], 'top'],
  ])('refuses %p without its number instead of silently ignoring it', async (argv, flag) => {
    const result = await cli(argv, project.root);

    expect(result.code).toBe(2);
    expect(result.err.split('\n')[0]).toBe(`jest-perf: Not enough arguments following: ${flag}`);
  });

  it('turns a data error into one message with its fix, exit 2 and no stack', async () => {
    const result = await cli(['report'], project.root);

    expect(result.code).toBe(2);
    expect(result.err).toBe(
      `jest-perf: No performance data (${project.paths.latest})\n  Fix: track a run first: npx jest-perf track`,
    );
  });

  it('reads the project from --root rather than the working directory', async () => {
    const other = createProject();
    try {
      const result = await cli(['check', '--root', project.root], other.root);

      expect(result.code).toBe(0);
      expect(result.out).toContain(project.paths.baseline);
    } finally {
      other.remove();
    }
  });
});

describe('runCli unexpected errors', () => {
  it('prints one "unexpected error" line and a hint, without the stack', async () => {
    const result = await runWith([throwingCommand(new TypeError('boom'))], {});

    expect(result.code).toBe(2);
    expect(result.err).toBe('jest-perf: unexpected error: boom\n  (set JEST_PERF_DEBUG=1 for the stack trace)');
  });

  it('adds the stack trace under JEST_PERF_DEBUG=1', async () => {
    const result = await runWith([throwingCommand(new TypeError('boom'))], { JEST_PERF_DEBUG: '1' });

    expect(result.code).toBe(2);
    expect(result.err).toContain('jest-perf: unexpected error: boom\nTypeError: boom\n    at ');
  });

  it('treats an error thrown while building the command as unexpected', async () => {
    const broken: CommandModule<Record<string, never>> = {
      ...throwingCommand(null),
      builder: () => {
        throw new TypeError('builder bug');
      },
    };

    const result = await runWith([broken], {});

    expect(result.code).toBe(2);
    expect(result.err.split('\n')[0]).toBe('jest-perf: unexpected error: builder bug');
  });

  it('reports a thrown non-Error value as text', async () => {
    const result = await runWith([throwingCommand('just a string')], { JEST_PERF_DEBUG: '1' });

    expect(result.err.split('\n')[0]).toBe('jest-perf: unexpected error: just a string');
  });

  it('returns the exit code of the command it ran', async () => {
    const failing: CommandModule<Record<string, never>> = { ...throwingCommand(null), run: () => 1 };

    expect((await runWith([failing], {})).code).toBe(1);
  });

  it('registers every command', () => {
    expect(COMMANDS.map((c) => c.command.split(' ')[0])).toEqual([
      'init',
      'track',
      'report',
      'runs',
      'baseline',
      'check',
      'categorize',
      'profile-fixtures',
      'merge',
      'history',
      'test',
      'flaky',
      'compare',
      'audit',
    ]);
  });
});

describe('formatError', () => {
  it('prints a JestPerfError as its message, never with a stack', () => {
    const error = new JestPerfError('JEST_PERF_USAGE', 'bad thing', { fix: 'do the other thing' });

    expect(formatError(error, true)).toBe('jest-perf: bad thing\n  Fix: do the other thing');
  });

  it('keeps the stack of an unexpected error only when debugging', () => {
    const error = new Error('oops');

    expect(formatError(error, false)).not.toContain('    at ');
    expect(formatError(error, true)).toContain('    at ');
  });
});

describe('usageError', () => {
  it('ends the message with an Example line', () => {
    const error = usageError('--x is wrong', 'jest-perf report');

    expect(error.code).toBe('JEST_PERF_USAGE');
    expect(error.message).toBe('--x is wrong\nExample: jest-perf report');
  });
});
