import { readValidatedJson } from '@jest-perf/core';
import type { RowSpec } from '@jest-perf/report';

const rowsSchema = {
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['name', 'metrics'],
    properties: {
      name: { type: 'string', minLength: 1 },
      metrics: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^(summary|counters)\\.' } },
      note: { type: 'string' },
    },
  },
} as const;

/** Reads a `--rows` file: `[{ "name": "LLM calls", "metrics": ["counters.llmMock.callMs"], "note": "…" }]`. */
export function readRowsFile(file: string): RowSpec[] {
  return readValidatedJson<RowSpec[]>(file, rowsSchema, {
    what: 'The comparison rows file',
    fix: 'write a JSON array of { "name": "…", "metrics": ["summary.wallMs" | "counters.<group>.<name>", …] }',
  });
}
