import Ajv from 'ajv';
import { openWorkbook, sheetToTable } from '../datasets/readExcelSheet';
import type { SourceTable } from '../datasets/sourceTable';
import { AppError } from '../errors';

/** Canonical column types a mapping can assign. */
export type ColumnType = 'string' | 'category' | 'integer' | 'number' | 'boolean' | 'date';
export const COLUMN_TYPES: readonly ColumnType[] = ['string', 'category', 'integer', 'number', 'boolean', 'date'];

/** One row of a mapping sheet: a source column, the canonical name and type it maps to. */
export interface ColumnMapping {
  source: string;
  canonical: string;
  type: ColumnType;
  required: boolean;
  description: string;
}

/** Headers a mapping sheet must have, in any order. */
export const MAPPING_HEADERS = ['Source column', 'Canonical name', 'Type', 'Required', 'Description'] as const;

const mappingRowSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['source', 'canonical', 'type', 'required', 'description'],
  properties: {
    source: { type: 'string', minLength: 1 },
    canonical: { type: 'string', pattern: '^[a-z][a-z0-9_]*$' },
    type: { enum: [...COLUMN_TYPES] },
    required: { type: 'boolean' },
    description: { type: 'string' },
  },
} as const;

const validateRow = new Ajv({ allErrors: true }).compile<ColumnMapping>(mappingRowSchema);

/**
 * Turns the rows of a mapping sheet into validated mappings.
 * @throws {AppError} MAPPING_INVALID naming the sheet row and what is wrong with it.
 */
export function parseMappingTable(table: SourceTable): ColumnMapping[] {
  const index = new Map(table.headers.map((h, i) => [h, i]));
  const missing = MAPPING_HEADERS.filter((h) => !index.has(h));
  if (missing.length > 0) {
    throw new AppError('MAPPING_INVALID', `${table.origin} lacks the header(s) ${missing.join(', ')}`, {
      fix: `the first row must be: ${MAPPING_HEADERS.join(' | ')}`,
    });
  }
  const cell = (row: (typeof table.rows)[number], header: (typeof MAPPING_HEADERS)[number]) =>
    row[index.get(header) as number];
  const mappings = table.rows.map((row, i) => {
    const required = String(cell(row, 'Required') ?? 'no').toLowerCase();
    const candidate = {
      source: String(cell(row, 'Source column') ?? '').trim(),
      canonical: String(cell(row, 'Canonical name') ?? '').trim(),
      type: String(cell(row, 'Type') ?? '')
        .trim()
        .toLowerCase(),
      required: cell(row, 'Required') === true || ['yes', 'y', 'true'].includes(required),
      description: String(cell(row, 'Description') ?? ''),
    };
    if (!validateRow(candidate)) {
      const why = (validateRow.errors ?? []).map((e) => `${e.instancePath.slice(1) || 'row'} ${e.message}`).join('; ');
      throw new AppError('MAPPING_INVALID', `${table.origin} row ${i + 2}: ${why}`, {
        fix: `Type must be one of ${COLUMN_TYPES.join(', ')}; Canonical name must be snake_case`,
      });
    }
    return candidate;
  });
  assertUnique(table.origin, mappings, 'source');
  assertUnique(table.origin, mappings, 'canonical');
  if (mappings.length === 0) throw new AppError('MAPPING_INVALID', `${table.origin} maps no columns`);
  return mappings;
}

function assertUnique(origin: string, mappings: ColumnMapping[], key: 'source' | 'canonical'): void {
  const seen = new Set<string>();
  for (const m of mappings) {
    if (seen.has(m[key])) throw new AppError('MAPPING_INVALID', `${origin} maps ${key} "${m[key]}" twice`);
    seen.add(m[key]);
  }
}

/** Reads the mapping sheet `sheet` of `workbookPath`. */
export async function readMappingSheet(workbookPath: string, sheet: string): Promise<ColumnMapping[]> {
  const workbook = await openWorkbook(workbookPath);
  return parseMappingTable(sheetToTable(workbook, workbookPath, sheet));
}
