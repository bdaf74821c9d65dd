import type { JestPerfError } from '@jest-perf/core';
import { oneOf, optionalString, positiveInt, positiveNumber } from '../args';

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return (error as JestPerfError).message;
  }
  throw new Error('expected a usage error, nothing was thrown');
}

describe('positiveInt', () => {
  it('passes whole numbers of at least 1 and undefined through', () => {
    expect(positiveInt(3, 'top', 'x')).toBe(3);
    expect(positiveInt(undefined, 'top', 'x')).toBeUndefined();
  });

  it.each([0, -1, 1.5, Number.NaN, '3'])('rejects %p naming the flag', (value) => {
    expect(messageOf(() => positiveInt(value, 'top', 'jest-perf report --top 5'))).toBe(
      `--top must be a whole number of at least 1 (got ${String(value)})\nExample: jest-perf report --top 5`,
    );
  });
});

describe('positiveNumber', () => {
  it('passes positive numbers, fractions included', () => {
    expect(positiveNumber(0.25, 'threshold', 'x')).toBe(0.25);
    expect(positiveNumber(undefined, 'threshold', 'x')).toBeUndefined();
  });

  it.each([0, -2, Number.NaN, Number.POSITIVE_INFINITY])('rejects %p', (value) => {
    expect(messageOf(() => positiveNumber(value, 'threshold', 'x'))).toContain('--threshold must be a positive number');
  });
});

describe('optionalString', () => {
  it('treats empty and non-strings as absent', () => {
    expect(optionalString('a.json')).toBe('a.json');
    expect(optionalString('')).toBeUndefined();
    expect(optionalString(3)).toBeUndefined();
  });
});

describe('oneOf', () => {
  it('accepts an allowed value and rejects others with the list', () => {
    expect(oneOf('json', ['markdown', 'json'] as const, 'format', 'x')).toBe('json');
    expect(messageOf(() => oneOf('xml', ['markdown', 'json'] as const, 'format', 'x'))).toContain(
      '--format must be one of markdown, json (got xml)',
    );
  });
});
