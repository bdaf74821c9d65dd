export type { CassetteOptions } from './cassette/cassette';
export { type CassetteKeyParts, cassetteKey } from './cassette/key';
export { CASSETTE_MODE_ENV, type CassetteMode, resolveCassetteMode } from './cassette/mode';
export { type CassetteEntry, type CassetteFile, cassetteFileSchema } from './cassette/schema';
export { DEFAULT_SECRET_PATTERNS, SCRUBBED, scrubPaths, scrubSecrets } from './cassette/scrub';
export { readCassetteFile } from './cassette/store';
export {
  type ContractCheck,
  type ContractOptions,
  type ContractSource,
  type ContractViolation,
  checkContract,
  contractChecks,
  formatViolations,
} from './contract/checkContract';
export { type DescribeContractOptions, describeLlmContract } from './contract/describeLlmContract';
export { CASSETTE_DIR_NAME, findCassetteFiles } from './contract/findCassetteFiles';
export { createLlmMock } from './createLlmMock';
export { isLlmMockError, LlmMockError, type LlmMockErrorCode } from './errors';
export { type LlmFailureStep, llmFailure } from './failureStep';
export { type GuardOptions, guardRealLlmCalls } from './guard';
export { guardLlmNetwork, type NetworkGuardOptions } from './guardNetwork';
export { createLlmGuardSetup, GUARD_CONFIG_GLOBAL, type LlmGuardConfig } from './guardSetup';
export type { JestGlobals, JestLike, SpyLike } from './jestGlobals';
export type { LlmMock, LlmMockOptions } from './mockTypes';
export { MALFORMED_TEXT } from './results';
export type { SeamTarget } from './seamRegistry';
export type * from './types';
export { type UseLlmMockOptions, useLlmMock } from './useLlmMock';
