import { formatDuration } from '@jest-perf/regression';

/** A count as a whole number, grouped the same way on every machine whatever its locale: `12,345`. */
export function formatCount(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** A share as a percentage with one decimal: 0.1234 → `12.3 %`. */
export function formatShare(ratio: number): string {
  return `${(ratio * 100).toFixed(1)} %`;
}

/** A time: `31 ms` under a second, `12.93 s` above (the terminal's format); `—` when there is none (NaN). */
export function formatMs(ms: number): string {
  return Number.isFinite(ms) ? formatDuration(ms) : '—';
}

const BYTE_UNITS = ['KiB', 'MiB', 'GiB', 'TiB'] as const;

/** A size in binary units with one decimal: `512 B`, `1.5 KiB`, `3.0 MiB`. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return '—';
  if (Math.abs(bytes) < 1024) return `${Math.round(bytes)} B`;
  let value = bytes;
  let unit: string = BYTE_UNITS[0];
  for (const next of BYTE_UNITS) {
    value /= 1024;
    unit = next;
    if (Math.abs(value) < 1024) break;
  }
  return `${value.toFixed(1)} ${unit}`;
}

/**
 * A helper counter's value in the unit its name ends with (the helpers' convention: `timeSavedMs`, `loadMs`,
 * `cachedBytes`); any other counter is a count, shown whole.
 */
export function formatCounter(name: string, value: number): string {
  if (name.endsWith('Ms') || name === 'ms') return formatMs(value);
  if (name.endsWith('Bytes') || name === 'bytes') return formatBytes(value);
  return formatCount(value);
}
