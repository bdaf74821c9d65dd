import { usageError } from './usageError';

/** Small pure readers for yargs values, each failing with a usage error that names the flag. */
export function positiveInt(value: unknown, flag: string, example: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw usageError(`--${flag} must be a whole number of at least 1 (got ${String(value)})`, example);
  }
  return value;
}

export function nonNegativeInt(value: unknown, flag: string, example: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw usageError(`--${flag} must be a whole number of at least 0 (got ${String(value)})`, example);
  }
  return value;
}

export function positiveNumber(value: unknown, flag: string, example: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw usageError(`--${flag} must be a positive number (got ${String(value)})`, example);
  }
  return value;
}

export function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function oneOf<T extends string>(value: unknown, allowed: readonly T[], flag: string, example: string): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw usageError(`--${flag} must be one of ${allowed.join(', ')} (got ${String(value)})`, example);
}
