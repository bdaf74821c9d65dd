import { count, isoDate } from './common';

/**
 * The header of a history export (`jest-perf history export`), stored as JSON in the Arrow file's schema
 * metadata: what makes the file recognisable as ours, and how many runs it holds (a truncated file is
 * noticed, not half-imported).
 */
export const historyExportHeaderSchema = {
  $id: 'jest-perf/history-export-header',
  type: 'object',
  required: ['format', 'version', 'exportedAt', 'runs'],
  additionalProperties: false,
  properties: {
    format: { const: 'jest-perf-history' },
    version: { type: 'integer', minimum: 1 },
    exportedAt: isoDate,
    runs: count,
  },
} as const;
