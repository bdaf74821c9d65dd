// The public API, listed in the README ("Public API"); everything else is internal to the package.
export type { CassetteOptions } from './cassette/cassette';
export type { CassetteMode } from './cassette/mode';
export { cassetteFileSchema } from './cassette/schema';
export {
  type ContractOptions,
  type ContractViolation,
  checkContract,
} from './contract/checkContract';
export { type DescribeContractOptions, describeLlmContract } from './contract/describeLlmContract';
export { createLlmMock } from './createLlmMock';
export { isLlmMockError, LlmMockError, type LlmMockErrorCode } from './errors';
export { type LlmFailureStep, llmFailure } from './failureStep';
export { type GuardOptions, guardRealLlmCalls } from './guard';
export { guardLlmNetwork, type NetworkGuardOptions } from './guardNetwork';
export { createLlmGuardSetup, type LlmGuardConfig } from './guardSetup';
export type { JestGlobals } from './jestGlobals';
export type { LlmMock, LlmMockOptions } from './mockTypes';
export type { SeamTarget } from './seamRegistry';
export type * from './types';
export { type UseLlmMockOptions, useLlmMock } from './useLlmMock';
