/** Small schema builders shared by the schemas in this folder. */
export const nonNegative = { type: 'number', minimum: 0 } as const;
/** A time Jest may not report (Jest 29): `null` is "not measured", never 0. */
export const nullableNonNegative = { type: ['number', 'null'], minimum: 0 } as const;
export const count = { type: 'integer', minimum: 0 } as const;
export const stringArray = { type: 'array', items: { type: 'string' } } as const;
export const ratio = { type: 'number', exclusiveMinimum: 0 } as const;
export const nullableWorker = { type: ['integer', 'null'] } as const;
export const isoDate = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}' } as const;
