import type { RawValue } from '../datasets/sourceTable';
import type { ColumnType } from './columnMapping';

/** A value after mapping: dates are epoch milliseconds at UTC midnight. */
export type TypedValue = string | number | boolean | null;

/** Outcome of coercing one raw value. */
export type Coercion = { ok: true; value: TypedValue } | { ok: false; reason: string };

const TRUE_WORDS = new Set(['y', 'yes', 'true', '1']);
const FALSE_WORDS = new Set(['n', 'no', 'false', '0']);
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
/** Excel's day 0 is 1899-12-30 (it counts the fictional 1900-02-29). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** Coerces a raw CSV/Excel value to a canonical type; `null` stays `null`. */
export function coerceValue(raw: RawValue, type: ColumnType): Coercion {
  if (raw === null) return { ok: true, value: null };
  switch (type) {
    case 'string':
    case 'category':
      return { ok: true, value: raw instanceof Date ? isoDate(raw.getTime()) : String(raw).trim() };
    case 'integer': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw.trim()) : Number.NaN;
      return Number.isInteger(n) ? { ok: true, value: n } : { ok: false, reason: `"${String(raw)}" is not an integer` };
    }
    case 'number': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : Number.NaN;
      return Number.isFinite(n) ? { ok: true, value: n } : { ok: false, reason: `"${String(raw)}" is not a number` };
    }
    case 'boolean': {
      if (typeof raw === 'boolean') return { ok: true, value: raw };
      const word = String(raw).trim().toLowerCase();
      if (TRUE_WORDS.has(word)) return { ok: true, value: true };
      if (FALSE_WORDS.has(word)) return { ok: true, value: false };
      return { ok: false, reason: `"${String(raw)}" is not a yes/no value` };
    }
    case 'date':
      return coerceDate(raw);
  }
}

function coerceDate(raw: Exclude<RawValue, null>): Coercion {
  if (raw instanceof Date) {
    const ms = raw.getTime();
    return Number.isNaN(ms) ? { ok: false, reason: 'invalid date' } : { ok: true, value: startOfUtcDay(ms) };
  }
  if (typeof raw === 'number') {
    // An Excel serial date stored as a plain number.
    return { ok: true, value: EXCEL_EPOCH_MS + Math.floor(raw) * DAY_MS };
  }
  const match = ISO_DATE.exec(String(raw).trim());
  if (match) {
    const [, y, m, d] = match;
    const ms = Date.UTC(Number(y), Number(m) - 1, Number(d));
    if (isoDate(ms) === match[0]) return { ok: true, value: ms };
  }
  return { ok: false, reason: `"${String(raw)}" is not a YYYY-MM-DD date` };
}

function startOfUtcDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/** Formats epoch milliseconds as `YYYY-MM-DD` (UTC). */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
