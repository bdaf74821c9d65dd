// The public API, listed in the README ("Public API"); everything else is internal to the package.
export { DatasetRegistry } from './DatasetRegistry';
export type { DeepReadonly } from './deepFreeze';
export { describeWithDataset, itWithDataset } from './describeWithDataset';
export { DatasetError, type DatasetErrorCode, isDatasetError } from './errors';
export { afterAllShared, beforeAllShared, type FixtureScope, fixtureScope } from './fixtureScope';
export type { Availability, DatasetRegistryOptions, DiscoveredDatasets, LoadContext } from './types';
export { workerFixture } from './workerFixture';
