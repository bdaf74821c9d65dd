export { DatasetRegistry } from './DatasetRegistry';
export { DATA_FILE_EXTENSIONS, defaultDataFiles } from './dataFiles';
export { type DeepReadonly, deepFreeze } from './deepFreeze';
export {
  type AvailabilitySource,
  type DatasetNames,
  type DescribeGlobal,
  describeWithDataset,
  type ItGlobal,
  itWithDataset,
  type TestFn,
} from './describeWithDataset';
export { DatasetError, type DatasetErrorCode, isDatasetError } from './errors';
export {
  afterAllShared,
  beforeAllShared,
  type FixtureScope,
  fixtureScope,
  type HookGlobal,
  type HookGlobals,
  PER_TEST_FIXTURES_ENV,
} from './fixtureScope';
export { assertDatasetName, DATASET_NAME_PATTERN } from './paths';
export {
  type Availability,
  type DatasetRegistryOptions,
  type DiscoveredDatasets,
  EAGER_DATASETS_ENV,
  type LoadContext,
  REQUIRE_DATASETS_ENV,
} from './types';
export { workerFixture } from './workerFixture';
