/** A raw cell value as read from CSV or Excel, before mapping gives it a type. */
export type RawValue = string | number | boolean | Date | null;

/** Rows as read from a file: headers plus untyped values, one array per row. */
export interface SourceTable {
  /** Where the rows came from, for error messages (`file.csv` or `book.xlsx#Sheet`). */
  origin: string;
  headers: string[];
  rows: RawValue[][];
}
