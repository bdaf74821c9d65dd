import * as api from '../index';

it('exports the public API', () => {
  expect(Object.keys(api).sort()).toEqual([
    'DatasetError',
    'DatasetRegistry',
    'afterAllShared',
    'beforeAllShared',
    'describeWithDataset',
    'fixtureScope',
    'isDatasetError',
    'itWithDataset',
    'workerFixture',
  ]);
});
