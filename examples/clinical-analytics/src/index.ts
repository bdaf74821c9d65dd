// Public surface of the example app; tests and scripts import the modules directly.

export { buildCohort, cohortCount } from './analysis/cohort';
export type { ColumnSummary } from './analysis/describe';
export { describeColumn, describeTable } from './analysis/describe';
export { groupCounts } from './analysis/groupCounts';
export { getSettings, resetSettings } from './config/settings';
export type { DatasetConfig } from './datasets/datasetConfig';
export { discoverDatasets, findDataset } from './datasets/discoverDatasets';
export type { LoadedDataset } from './datasets/loadDataset';
export { loadDataset } from './datasets/loadDataset';
export { AppError, isAppError } from './errors';
export { ensureData } from './generate/ensureData';
export { QueryLearningStore } from './learning/QueryLearningStore';
export type { LlmCallOptions, LlmCallResult, LlmError } from './llm/callLlm';
export { callLlm } from './llm/callLlm';
export type { LlmFeature, PayloadByFeature } from './llm/features';
export { payloadSchemas, validatePayload } from './llm/schemas';
export { AuditLog } from './logging/AuditLog';
export { DataContext } from './query/dataContext';
export type { AskOutcome } from './query/QueryEngine';
export { QueryEngine } from './query/QueryEngine';
export type { Filter, ParsedQuery } from './query/types';
export { startStandin } from './standin/server';
