import { defaultDataFiles } from '../dataFiles';

describe('defaultDataFiles', () => {
  it('finds data file paths at any depth, once each', () => {
    const config = {
      files: [{ path: 'data/a.csv', sheet: 'S' }, { path: 'data/a.csv' }, { path: 'data/B.XLSX' }],
      mapping: { workbook: 'data/map.xlsx' },
      extra: ['x.parquet', 'y.arrow', 'z.json'],
    };
    expect(defaultDataFiles(config)).toEqual([
      'data/a.csv',
      'data/B.XLSX',
      'data/map.xlsx',
      'x.parquet',
      'y.arrow',
      'z.json',
    ]);
  });

  it('ignores $-keys, URLs and other strings', () => {
    const config = { $schema: '../schema.json', url: 'https://example.com/x.csv', title: 'csv', rows: 3, none: null };
    expect(defaultDataFiles(config)).toEqual([]);
  });
});
