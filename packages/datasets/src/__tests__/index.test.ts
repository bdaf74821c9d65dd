import * as api from '../index';

it('exports the public API', () => {
  expect(Object.keys(api).sort()).toEqual([
    'DATASET_NAME_PATTERN',
    'DATA_FILE_EXTENSIONS',
    'DatasetError',
    'DatasetRegistry',
    'EAGER_DATASETS_ENV',
    'REQUIRE_DATASETS_ENV',
    'assertDatasetName',
    'deepFreeze',
    'defaultDataFiles',
    'describeWithDataset',
    'isDatasetError',
    'itWithDataset',
    'workerFixture',
  ]);
});
