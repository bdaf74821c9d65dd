import { afterAllShared, beforeAllShared } from '@jest-perf/datasets';
import type { SourceTable } from '../../src/datasets/sourceTable';
import { SOURCE_COLUMNS } from '../../src/generate/sourceColumns';
import { MAPPING_HEADERS, parseMappingTable, readMappingSheet } from '../../src/mapping/columnMapping';
import { createExcelWorkbooks, type ExcelWorkbooks, removeExcelWorkbooks } from '../fixtures/excelWorkbooks';

function table(rows: (string | boolean | null)[][], headers: readonly string[] = MAPPING_HEADERS): SourceTable {
  return { origin: 'book.xlsx#map', headers: [...headers], rows };
}

describe('column mapping sheets', () => {
  let books: ExcelWorkbooks;

  // Every test only reads the workbooks: written once for the file, deleted after it.
  beforeAllShared(async () => {
    books = await createExcelWorkbooks();
  });

  afterAllShared(() => {
    removeExcelWorkbooks(books);
  });

  it('reads one mapping per source column', async () => {
    const mappings = await readMappingSheet(books.mapping, 'dexa');
    expect(mappings.map((m) => m.source)).toEqual(SOURCE_COLUMNS.dexa.map((c) => c.source));
  });

  it('reads canonical names, types and required flags', async () => {
    const mappings = await readMappingSheet(books.mapping, 'statin');
    expect(mappings).toEqual(SOURCE_COLUMNS.statin);
  });

  it('has one sheet per dataset in the workbook', async () => {
    for (const sheet of ['dexa', 'statin', 'visits'])
      await expect(readMappingSheet(books.mapping, sheet)).resolves.not.toHaveLength(0);
  });

  it('fails on a sheet that does not exist', async () => {
    await expect(readMappingSheet(books.mapping, 'labs')).rejects.toThrow('has no sheet "labs"');
  });

  it('maps the visits workbook without its formula and notes columns', async () => {
    const mappings = await readMappingSheet(books.mapping, 'visits');
    expect(mappings.map((m) => m.source)).not.toContain('Hours');
  });
});

describe('parseMappingTable', () => {
  it('lists the missing headers', () => {
    expect(() => parseMappingTable(table([], ['Source column', 'Type']))).toThrow(
      'lacks the header(s) Canonical name, Required, Description',
    );
  });

  it('accepts yes/no and booleans for Required', () => {
    const mappings = parseMappingTable(
      table([
        ['A', 'a', 'string', 'yes', ''],
        ['B', 'b', 'integer', true, ''],
        ['C', 'c', 'number', null, ''],
      ]),
    );
    expect(mappings.map((m) => m.required)).toEqual([true, true, false]);
  });

  it('lower-cases the type', () => {
    expect(parseMappingTable(table([['A', 'a', 'Date', 'no', '']]))[0]?.type).toBe('date');
  });

  it('names the row of an unknown type', () => {
    expect(() => parseMappingTable(table([['A', 'a', 'text', 'no', '']]))).toThrow(
      'book.xlsx#map row 2: type must be equal to one of the allowed values',
    );
  });

  it('requires snake_case canonical names', () => {
    expect(() => parseMappingTable(table([['A', 'Patient ID', 'string', 'no', '']]))).toThrow(
      'row 2: canonical must match pattern',
    );
  });

  it('rejects a canonical name used twice', () => {
    expect(() =>
      parseMappingTable(
        table([
          ['A', 'a', 'string', 'no', ''],
          ['B', 'a', 'string', 'no', ''],
        ]),
      ),
    ).toThrow('maps canonical "a" twice');
  });

  it('rejects a sheet that maps nothing', () => {
    expect(() => parseMappingTable(table([]))).toThrow('maps no columns');
  });
});
