import * as api from '../index';

it('exports the public API', () => {
  expect(Object.keys(api).sort()).toEqual([
    'DATASET_NAME_PATTERN',
    'DATA_FILE_EXTENSIONS',
    'DatasetError',
    'DatasetRegistry',
    'EAGER_DATASETS_ENV',
    'PER_TEST_FIXTURES_ENV',
    'REQUIRE_DATASETS_ENV',
    'afterAllShared',
    'assertDatasetName',
    'beforeAllShared',
    'deepFreeze',
    'defaultDataFiles',
    'describeWithDataset',
    'fixtureScope',
    'isDatasetError',
    'itWithDataset',
    'workerFixture',
  ]);
});
