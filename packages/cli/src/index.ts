export { applyTag, type TagEdit, type TagTarget, tagLine } from './analysis/applySlowTag';
export { mergeRuns } from './analysis/mergeRuns';
export {
  DEFAULT_PROFILE_OPTIONS,
  type HookProfile,
  type ProfileOptions,
  profileFixtures,
} from './analysis/profileFixtures';
export { uncategorizedSlowTests } from './analysis/uncategorizedSlowTests';
export type { CommandModule } from './command';
export { type ComparedRow, compareRuns, defaultRows, metricValue, type RowSpec } from './compare/compareRuns';
export { formatSpeedup, renderComparison } from './compare/renderComparison';
export { type CliIo, EXIT, type ExitCode } from './io';
export { COMMANDS, runCli } from './main';
export { replaceMarkedSection, updateMarkedSection } from './report/updateMarkedSection';
