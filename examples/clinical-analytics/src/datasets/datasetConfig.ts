import Ajv from 'ajv';

/** Which generator writes a dataset's files (see `src/generate`). */
export type GeneratorKind = 'patients' | 'statin' | 'dexa' | 'labs' | 'visits';
export const GENERATOR_KINDS: readonly GeneratorKind[] = ['patients', 'statin', 'dexa', 'labs', 'visits'];

/** One data file of a dataset. Paths are relative to the `datasets/` folder. */
export interface DatasetFile {
  path: string;
  /** Worksheet to read (Excel only). */
  sheet?: string;
  /** 1-based row holding the column headers (Excel only; default 1). Rows above it are skipped. */
  headerRow?: number;
}

/** A dataset config, one `datasets/<name>.json` file. */
export interface DatasetConfig {
  name: string;
  title: string;
  description: string;
  format: 'csv' | 'xlsx';
  /** Files whose rows are concatenated into one table; all share the same columns. */
  files: DatasetFile[];
  /** The Excel mapping sheet that maps source columns to canonical names and types. */
  mapping: { workbook: string; sheet: string };
  /** Canonical column linking rows to a patient. */
  key: string;
  /** How `generate-data` builds the files: deterministic from `seed`. */
  generator: { kind: GeneratorKind; rows: number; seed: number };
}

/** JSON schema of {@link DatasetConfig}; every config file is validated against it. */
export const datasetConfigSchema = {
  $id: 'clinical-analytics/dataset-config',
  type: 'object',
  additionalProperties: false,
  required: ['name', 'title', 'description', 'format', 'files', 'mapping', 'key', 'generator'],
  properties: {
    $schema: { type: 'string' },
    name: { type: 'string', pattern: '^[a-z][a-z0-9_]*$' },
    title: { type: 'string', minLength: 1 },
    description: { type: 'string' },
    format: { enum: ['csv', 'xlsx'] },
    files: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['path'],
        properties: {
          path: { type: 'string', pattern: '^[^/].*\\.(csv|xlsx)$' },
          sheet: { type: 'string', minLength: 1 },
          headerRow: { type: 'integer', minimum: 1 },
        },
      },
    },
    mapping: {
      type: 'object',
      additionalProperties: false,
      required: ['workbook', 'sheet'],
      properties: {
        workbook: { type: 'string', pattern: '\\.xlsx$' },
        sheet: { type: 'string', minLength: 1 },
      },
    },
    key: { type: 'string', pattern: '^[a-z][a-z0-9_]*$' },
    generator: {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'rows', 'seed'],
      properties: {
        kind: { enum: [...GENERATOR_KINDS] },
        rows: { type: 'integer', minimum: 1 },
        seed: { type: 'integer', minimum: 0 },
      },
    },
  },
} as const;

const ajv = new Ajv({ allErrors: true });
const validate = ajv.compile<DatasetConfig>(datasetConfigSchema);

/** Result of validating a value as a dataset config. */
export type DatasetConfigCheck = { ok: true; config: DatasetConfig } | { ok: false; errors: string[] };

/** Validates an already-parsed value; `errors` name the JSON path of each problem. */
export function checkDatasetConfig(value: unknown): DatasetConfigCheck {
  if (!validate(value)) {
    const errors = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
    return { ok: false, errors };
  }
  const config = value;
  const problems = config.files.flatMap((file, i) => {
    const isExcel = file.path.endsWith('.xlsx');
    if (isExcel !== (config.format === 'xlsx')) return [`/files/${i}/path does not match format "${config.format}"`];
    if (!isExcel && (file.sheet !== undefined || file.headerRow !== undefined)) {
      return [`/files/${i} sheet and headerRow apply to Excel files only`];
    }
    return [];
  });
  return problems.length > 0 ? { ok: false, errors: problems } : { ok: true, config };
}
