import { coerceValue, isoDate } from '../../src/mapping/coerceValue';

describe('coerceValue', () => {
  it.each([
    ['42', 'integer', 42],
    [3, 'integer', 3],
    ['2.5', 'number', 2.5],
    ['Y', 'boolean', true],
    ['no', 'boolean', false],
    [' F ', 'category', 'F'],
    ['P0000001', 'string', 'P0000001'],
  ] as const)('coerces %p to %s', (raw, type, expected) => {
    expect(coerceValue(raw, type)).toEqual({ ok: true, value: expected });
  });

  it('keeps null as null for every type', () => {
    for (const type of ['string', 'category', 'integer', 'number', 'boolean', 'date'] as const) {
      expect(coerceValue(null, type)).toEqual({ ok: true, value: null });
    }
  });

  it('explains why a value is not an integer', () => {
    expect(coerceValue('4.5', 'integer')).toEqual({ ok: false, reason: '"4.5" is not an integer' });
  });

  it('rejects text that is not a yes/no value', () => {
    expect(coerceValue('maybe', 'boolean')).toEqual({ ok: false, reason: '"maybe" is not a yes/no value' });
  });

  it('reads ISO dates as UTC midnight', () => {
    expect(coerceValue('2024-02-29', 'date')).toEqual({ ok: true, value: Date.UTC(2024, 1, 29) });
  });

  it('rejects impossible calendar dates', () => {
    expect(coerceValue('2023-02-29', 'date').ok).toBe(false);
  });

  it('reads Excel serial numbers as dates', () => {
    expect(coerceValue(45292, 'date')).toEqual({ ok: true, value: Date.UTC(2024, 0, 1) });
  });

  it('drops the time of day from Date cells', () => {
    expect(coerceValue(new Date(Date.UTC(2024, 5, 1, 13, 45)), 'date')).toEqual({
      ok: true,
      value: Date.UTC(2024, 5, 1),
    });
  });

  it('formats epoch milliseconds as ISO dates', () => {
    expect(isoDate(Date.UTC(2020, 11, 31))).toBe('2020-12-31');
  });
});
