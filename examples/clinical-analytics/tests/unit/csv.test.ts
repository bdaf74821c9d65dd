import { formatCsvLine, parseCsv } from '../../src/util/csv';

describe('parseCsv', () => {
  it('splits plain rows and fields', () => {
    expect(parseCsv('a,b\n1,2\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('does not add a row for the trailing line break', () => {
    expect(parseCsv('a\n1\n')).toHaveLength(2);
  });

  it('keeps the last row without a trailing line break', () => {
    expect(parseCsv('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('accepts CRLF line ends', () => {
    expect(parseCsv('a,b\r\n1,2\r\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('reads commas and line breaks inside quoted fields', () => {
    expect(parseCsv('"x, y","line1\nline2"\n')).toEqual([['x, y', 'line1\nline2']]);
  });

  it('turns doubled quotes into one', () => {
    expect(parseCsv('"say ""hi"""\n')).toEqual([['say "hi"']]);
  });

  it('names the line an unterminated quote started on', () => {
    expect(() => parseCsv('a\n"open,\n')).toThrow('Unterminated quoted field starting on line 2');
  });
});

describe('formatCsvLine', () => {
  it('joins plain values with commas', () => {
    expect(formatCsvLine(['a', 1, true])).toBe('a,1,true');
  });

  it('quotes fields with commas, quotes or line breaks', () => {
    expect(formatCsvLine(['a,b', 'say "hi"', 'l1\nl2'])).toBe('"a,b","say ""hi""","l1\nl2"');
  });

  it('round-trips through parseCsv', () => {
    const row = ['P0000001', 'Smith, J', 'said "no"', '', 'multi\nline'];
    expect(parseCsv(`${formatCsvLine(row)}\n`)).toEqual([row]);
  });
});
