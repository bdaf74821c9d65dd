import * as path from 'node:path';
import { AuditDependencyError, AuditPathError, auditFiles, formatJson, formatText } from '@jest-perf/audit';
import { JEST_PERF_CLI } from '@jest-perf/core';
import { oneOf } from '../args';
import type { CommandModule } from '../command';
import { EXIT } from '../io';
import { usageError } from '../usageError';

const FORMATS = ['text', 'json'] as const;

interface AuditCommandOptions {
  root: string;
  /** Files or folders relative to the root; none means every test file under it. */
  paths: string[];
  format: (typeof FORMATS)[number];
}

const EXAMPLE = `${JEST_PERF_CLI} audit tests --format json`;

/**
 * `jest-perf audit [paths..]`: a static scan of test files for what breaks under parallel runs.
 * Exit 0 without findings, 1 with findings (CI gates on it), 2 for a bad flag or path.
 */
export const auditCommand: CommandModule<AuditCommandOptions> = {
  command: 'audit [paths..]',
  describe:
    'Scan test files for parallel-safety problems (shared /tmp paths, fixed ports, env and cwd changes, ' +
    'writes into the repository, shared module state); exit 1 on findings',
  example: EXAMPLE,
  builder: (yargs) =>
    yargs
      .positional('paths', {
        type: 'string',
        array: true,
        describe: 'files or folders, relative to --root (default: every test file under the root)',
      })
      .option('format', {
        choices: FORMATS,
        default: 'text',
        describe: 'json: { version, root, findings, allowed... }',
      }),
  parse(args) {
    const paths = (Array.isArray(args.paths) ? args.paths : []).map(String);
    return { root: String(args.root), paths, format: oneOf(args.format, FORMATS, 'format', EXAMPLE) };
  },
  run(options, io) {
    let result: ReturnType<typeof auditFiles>;
    try {
      result = auditFiles({ root: path.resolve(io.cwd, options.root), paths: options.paths });
    } catch (error) {
      if (error instanceof AuditPathError || error instanceof AuditDependencyError)
        throw usageError(`audit: ${error.message}`, EXAMPLE);
      throw error;
    }
    io.out(options.format === 'json' ? formatJson(result) : formatText(result));
    return result.findings.length > 0 ? EXIT.failed : EXIT.ok;
  },
};
