import * as path from 'node:path';
import type { DataPaths, JestPerfConfig, ResolvedConfig } from '@jest-perf/core';
import type { VerdictOptions } from '@jest-perf/regression';
import type { Options } from 'yargs';
import { optionalString } from '../args';
import type { RawArgs } from '../command';

/** The flags that change what `check` judges with; `report` takes the same ones. */
export interface GateFlags {
  /** `--baseline`: a baseline file instead of the configured `baselinePath` (e.g. one per testbed). */
  baseline: string | undefined;
  /** `--normalize-speed` (default on): compare with the baseline scaled by the machine's speed. */
  normalizeSpeed: boolean;
  /** `check --threshold test=20%,suite=15%,minImpact=100ms`: this invocation's thresholds, over the config's. */
  thresholds?: Partial<JestPerfConfig['thresholds']> | undefined;
}

/** The yargs definitions of {@link GateFlags}, shared by `check` and `report` so they read them alike. */
export const GATE_OPTIONS = {
  'normalize-speed': {
    type: 'boolean',
    default: true,
    describe: 'compare each test with its baseline scaled by how much slower the whole run was (a busy machine)',
  },
  baseline: { type: 'string', describe: 'check against this baseline file instead of the configured one' },
} as const satisfies Record<string, Options>;

/** {@link GateFlags} from yargs' raw flags. */
export function parseGateFlags(args: RawArgs): GateFlags {
  return {
    baseline: optionalString(args.baseline),
    normalizeSpeed: args['normalize-speed'] !== false,
  };
}

/** What a verdict is computed from: which baseline file and which `compareRun` options. */
export interface GateSettings {
  /** The project's data paths, `baseline` replaced by `--baseline` when given. */
  paths: DataPaths;
  verdictOptions: VerdictOptions;
  /** The thresholds the verdicts use where the baseline has no override: the invocation's over the config's. */
  thresholds: JestPerfConfig['thresholds'];
}

/**
 * The one place that turns config and flags into `compareRun`'s inputs, so `check` and `report` judge a run
 * the same way and print the same counts (a report that built its own options once disagreed with the gate).
 */
export function gateSettings(
  project: { config: Pick<ResolvedConfig, 'thresholds'>; paths: DataPaths },
  flags: GateFlags,
  cwd: string,
): GateSettings {
  const paths = flags.baseline ? { ...project.paths, baseline: path.resolve(cwd, flags.baseline) } : project.paths;
  // The invocation's thresholds over the config's; the baseline's overrides win over both (compareRun).
  const thresholds = { ...project.config.thresholds, ...flags.thresholds };
  return {
    paths,
    verdictOptions: { thresholds, normalizeSpeed: flags.normalizeSpeed },
    thresholds,
  };
}
