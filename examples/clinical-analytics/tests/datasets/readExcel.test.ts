import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAllShared, beforeAllShared } from '@jest-perf/datasets';
import type ExcelJS from 'exceljs';
import { columnValues } from '../../src/analysis/columnValues';
import { loadDataset } from '../../src/datasets/loadDataset';
import { normaliseCell, openWorkbook, readExcelSheet, sheetToTable } from '../../src/datasets/readExcelSheet';
import {
  complexConfig,
  createExcelWorkbooks,
  EXCEL_FIXTURE_ROWS,
  type ExcelWorkbooks,
  removeExcelWorkbooks,
} from '../fixtures/excelWorkbooks';

describe('reading Excel workbooks', () => {
  let books: ExcelWorkbooks;

  // Every test only reads the workbooks: written once for the file, deleted after it.
  beforeAllShared(async () => {
    books = await createExcelWorkbooks();
  });

  afterAllShared(() => {
    removeExcelWorkbooks(books);
  });

  it('reads the DEXA headers from the first row', async () => {
    const table = await readExcelSheet(books.dexa, 'Scans');
    expect(table.headers).toEqual(['Patient Identifier', 'Scan Date', 'Site', 'BMD (g/cm2)', 'T-Score', 'Z-Score']);
  });

  it('reads every DEXA row', async () => {
    expect((await readExcelSheet(books.dexa, 'Scans')).rows).toHaveLength(EXCEL_FIXTURE_ROWS.dexa);
  });

  it('returns date cells as Date objects', async () => {
    const { rows } = await readExcelSheet(books.dexa, 'Scans');
    expect(rows[0]?.[1]).toBeInstanceOf(Date);
  });

  it('returns numbers as numbers', async () => {
    const { rows } = await readExcelSheet(books.statin, 'Prescriptions');
    expect(typeof rows[0]?.[3]).toBe('number');
  });

  it('names the sheets that exist when a sheet is missing', async () => {
    await expect(readExcelSheet(books.statin, 'Rx')).rejects.toThrow('has no sheet "Rx" (sheets: Prescriptions)');
  });

  it('skips the title rows above a header on row 3', async () => {
    const table = await readExcelSheet(books.complex, 'Visits 2023', 3);
    expect(table.headers.slice(0, 3)).toEqual(['Patient', 'Visit Date', 'Clinic']);
  });

  it('reads formula cells as their cached result', async () => {
    const table = await readExcelSheet(books.complex, 'Visits 2024', 3);
    const hours = table.headers.indexOf('Hours');
    const minutes = table.headers.indexOf('Minutes');
    const row = table.rows[0] as unknown[];
    expect(row[hours]).toBeCloseTo((row[minutes] as number) / 60, 2);
  });

  it('flattens rich-text cells to plain text', async () => {
    const table = await readExcelSheet(books.complex, 'Visits 2023', 3);
    const notes = table.rows.map((r) => r[table.headers.indexOf('Notes')]).filter((n) => n !== null);
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.every((n) => typeof n === 'string' && n.startsWith('Note: '))).toBe(true);
  });

  it('reports an empty header row', async () => {
    const workbook = await openWorkbook(books.complex);
    expect(() => sheetToTable(workbook, books.complex, 'Visits 2023', 2)).toThrow('has no headers on row 2');
  });

  it('splits the complex workbook rows between the yearly sheets', async () => {
    const a = await readExcelSheet(books.complex, 'Visits 2023', 3);
    const b = await readExcelSheet(books.complex, 'Visits 2024', 3);
    expect(a.rows.length + b.rows.length).toBe(EXCEL_FIXTURE_ROWS.visits);
  });

  it('loads the complex workbook as one dataset through its mapping', async () => {
    const loaded = await loadDataset({
      config: complexConfig(),
      configPath: path.join(books.dir, 'visits.json'),
      baseDir: books.dir,
    });
    expect(loaded.table.numRows).toBe(EXCEL_FIXTURE_ROWS.visits);
    expect(new Set(columnValues(loaded.table, 'follow_up'))).toEqual(new Set([true, false]));
  });

  it('says when a file is not a workbook', async () => {
    // Its own folder: the shared workbook folder stays as the fixture wrote it.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinical-excel-fake-'));
    try {
      const fake = path.join(dir, 'fake.xlsx');
      fs.writeFileSync(fake, 'not a zip');
      await expect(openWorkbook(fake)).rejects.toThrow('is not a readable .xlsx workbook');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says how to generate a missing workbook', async () => {
    await expect(openWorkbook(path.join(books.dir, 'missing.xlsx'))).rejects.toThrow('generate-data');
  });
});

describe('normaliseCell', () => {
  it.each([
    [null, null],
    ['  ', null],
    [{ formula: 'A1*2', result: 4 }, 4],
    [{ formula: 'NOW()' }, null],
    [{ richText: [{ text: 'a' }, { text: 'b' }] }, 'ab'],
    [{ text: 'link', hyperlink: 'https://example.org' }, 'link'],
    [{ error: '#DIV/0!' }, null],
  ] as [ExcelJS.CellValue, unknown][])('normalises %p', (value, expected) => {
    expect(normaliseCell(value)).toEqual(expected);
  });
});
