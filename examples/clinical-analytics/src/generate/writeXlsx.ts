import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import type { RawValue } from '../datasets/sourceTable';
import { tempPathFor } from '../util/atomicWrite';

/** A cell the writer can put in a sheet: a plain value, a formula or rich text. */
export type SheetCell = RawValue | ExcelJS.CellFormulaValue | ExcelJS.CellRichTextValue;

/** One worksheet to write. */
export interface SheetSpec {
  name: string;
  /** Lines above the header row (a title, notes, blank lines), one per row. */
  preamble?: string[];
  headers: readonly string[];
  rows: readonly SheetCell[][];
}

/** Fixed document dates so a workbook's content depends only on its data. */
const DOC_DATE = new Date(Date.UTC(2025, 0, 1));

/**
 * Writes a workbook with exceljs' streaming writer (rows are committed as they go, so large
 * sheets do not sit in memory twice). Date cells get a `yyyy-mm-dd` format so readers see
 * dates, not serial numbers. Atomic: temp file, then rename.
 */
export async function writeXlsx(file: string, sheets: readonly SheetSpec[]): Promise<void> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = tempPathFor(file);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: temp, useStyles: true, useSharedStrings: false });
  workbook.creator = 'clinical-analytics generate-data';
  workbook.created = DOC_DATE;
  workbook.modified = DOC_DATE;
  try {
    for (const sheet of sheets) {
      const worksheet = workbook.addWorksheet(sheet.name);
      for (const line of sheet.preamble ?? []) worksheet.addRow([line]).commit();
      worksheet.addRow([...sheet.headers]).commit();
      for (const values of sheet.rows) {
        const row = worksheet.addRow(values);
        values.forEach((v, c) => {
          if (v instanceof Date) row.getCell(c + 1).numFmt = 'yyyy-mm-dd';
        });
        row.commit();
      }
      worksheet.commit();
    }
    await workbook.commit();
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}
