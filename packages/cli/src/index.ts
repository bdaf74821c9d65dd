// The report's model, renderers and `updateMarkedSection` live in @jest-perf/report; re-exported here so
// scripts written against @jest-perf/cli keep working.
export {
  type ComparedRow,
  compareRuns,
  DEFAULT_PROFILE_OPTIONS,
  defaultRows,
  formatSpeedup,
  type HookProfile,
  metricValue,
  type ProfileOptions,
  profileFixtures,
  type RowSpec,
  renderComparison,
  replaceMarkedSection,
  uncategorizedSlowTests,
  updateMarkedSection,
} from '@jest-perf/report';
export { mergeRuns } from './analysis/mergeRuns';
export { applyTag, type TagEdit, type TagTarget, tagLine } from './categorize/applySlowTag';
export type { CommandModule } from './command';
export { type CliIo, EXIT, type ExitCode } from './io';
export { COMMANDS, runCli } from './main';
