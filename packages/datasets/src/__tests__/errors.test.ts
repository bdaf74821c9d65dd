import * as vm from 'node:vm';
import { isJestPerfError, JestPerfError } from '@jest-perf/core';
import { DatasetError, isDatasetError } from '../errors';

describe('DatasetError', () => {
  it('says what, where and how to fix, with a stable code', () => {
    const error = new DatasetError('JEST_PERF_DATASET_FILE_MISSING', 'data file a.csv does not exist', {
      file: '/d/a.csv',
      fix: 'run `pnpm generate-data`',
    });
    expect(error.message).toBe('data file a.csv does not exist (/d/a.csv)\n  Fix: run `pnpm generate-data`');
    expect(error).toMatchObject({
      name: 'DatasetError',
      code: 'JEST_PERF_DATASET_FILE_MISSING',
      reason: 'data file a.csv does not exist',
    });
    expect(new DatasetError('JEST_PERF_DATASET_NOT_FOUND', 'none').message).toBe('none');
  });

  it("is one of core's JestPerfErrors, so callers handle every jest-perf error one way", () => {
    const error = new DatasetError('JEST_PERF_DATASET_NOT_FOUND', 'none', { file: '/d/x.json' });
    expect(error).toBeInstanceOf(JestPerfError);
    expect(isJestPerfError(error)).toBe(true);
    expect(error.file).toBe('/d/x.json');
  });

  it('is recognised across realms by shape', () => {
    const foreign: unknown = vm.runInNewContext("Object.assign(new Error('x'), { name: 'DatasetError', code: 'C' })");
    expect(isDatasetError(foreign)).toBe(true);
    expect(isDatasetError(new DatasetError('JEST_PERF_DATASET_NOT_FOUND', 'x'))).toBe(true);
    expect(isDatasetError(new Error('x'))).toBe(false);
    expect(isDatasetError(null)).toBe(false);
  });
});
