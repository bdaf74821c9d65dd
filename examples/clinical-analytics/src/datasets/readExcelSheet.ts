import * as fs from 'node:fs';
import ExcelJS from 'exceljs';
import { AppError } from '../errors';
import type { RawValue, SourceTable } from './sourceTable';

/**
 * Loads a workbook from disk.
 * @throws {AppError} DATASET_FILE_MISSING / DATASET_FILE_INVALID naming the file.
 */
export async function openWorkbook(file: string): Promise<ExcelJS.Workbook> {
  if (!fs.existsSync(file)) {
    throw new AppError('DATASET_FILE_MISSING', `Workbook ${file} does not exist`, {
      fix: 'run `pnpm --filter clinical-analytics generate-data`',
    });
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch (cause) {
    throw new AppError('DATASET_FILE_INVALID', `${file} is not a readable .xlsx workbook: ${String(cause)}`, { cause });
  }
  return workbook;
}

/**
 * Reads one worksheet as a table: headers on `headerRow` (1-based), data below it.
 * Rows above the header (titles, notes) and fully empty rows are skipped.
 * @throws {AppError} DATASET_FILE_INVALID when the sheet or its header is missing.
 */
export function sheetToTable(workbook: ExcelJS.Workbook, file: string, sheet: string, headerRow = 1): SourceTable {
  const origin = `${file}#${sheet}`;
  const worksheet = workbook.getWorksheet(sheet);
  if (!worksheet) {
    const names = workbook.worksheets.map((w) => w.name).join(', ');
    throw new AppError('DATASET_FILE_INVALID', `${file} has no sheet "${sheet}" (sheets: ${names})`);
  }
  const headers = rowValues(worksheet.getRow(headerRow)).map((v) => (v === null ? '' : String(v).trim()));
  while (headers.length > 0 && headers[headers.length - 1] === '') headers.pop();
  if (headers.length === 0) {
    throw new AppError('DATASET_FILE_INVALID', `${origin} has no headers on row ${headerRow}`);
  }
  const rows: RawValue[][] = [];
  for (let r = headerRow + 1; r <= worksheet.rowCount; r += 1) {
    const values = rowValues(worksheet.getRow(r));
    if (values.every((v) => v === null)) continue;
    rows.push(headers.map((_, c) => values[c] ?? null));
  }
  return { origin, headers, rows };
}

/** Reads one worksheet of a workbook file (see {@link sheetToTable}). */
export async function readExcelSheet(file: string, sheet: string, headerRow = 1): Promise<SourceTable> {
  return sheetToTable(await openWorkbook(file), file, sheet, headerRow);
}

/** Cell values of a row, 0-based, normalised to {@link RawValue}. */
function rowValues(row: ExcelJS.Row): RawValue[] {
  // exceljs gives a 1-based sparse array; index 0 is always empty.
  const values = row.values;
  if (!Array.isArray(values)) return [];
  const out: RawValue[] = [];
  for (let c = 1; c < values.length; c += 1) out.push(normaliseCell(values[c]));
  return out;
}

/** Turns an exceljs cell value (formula, rich text, hyperlink, error…) into a plain value. */
export function normaliseCell(value: ExcelJS.CellValue | undefined): RawValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    if (result === undefined || (typeof result === 'object' && !(result instanceof Date))) return null;
    return result;
  }
  if ('hyperlink' in value) return value.text;
  if ('error' in value) return null;
  return null;
}
