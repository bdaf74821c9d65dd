import { formatBytes, formatCount, formatCounter, formatMs, formatShare } from '../html/format';

describe('number formats', () => {
  it('groups thousands the same way whatever the locale, as whole numbers', () => {
    expect(formatCount(9812)).toBe('9,812');
    expect(formatCount(10_000_000)).toBe('10,000,000');
    expect(formatCount(12_928.377)).toBe('12,928');
  });

  it('shows a share as a percentage with one decimal', () => {
    expect(formatShare(0.9)).toBe('90.0 %');
    expect(formatShare(0.006)).toBe('0.6 %');
  });

  it('shows a time in ms under a second and in s above, and a dash for a missing one', () => {
    expect(formatMs(31.4)).toBe('31 ms');
    expect(formatMs(12_928.377)).toBe('12.93 s');
    expect(formatMs(Number.NaN)).toBe('—');
    expect(formatMs(Number.POSITIVE_INFINITY)).toBe('—');
  });

  it('shows sizes in binary units', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(5 * 1024 ** 3)).toBe('5.0 GiB');
  });
});

describe('formatCounter', () => {
  it('reads the unit from the counter name', () => {
    expect(formatCounter('timeSavedMs', 12_928.377)).toBe('12.93 s');
    expect(formatCounter('loadMs', 87.25)).toBe('87 ms');
    expect(formatCounter('cachedBytes', 3 * 1024 * 1024)).toBe('3.0 MiB');
  });

  it('shows any other counter as a whole count', () => {
    expect(formatCounter('hits', 1234)).toBe('1,234');
    expect(formatCounter('calls', 2.5)).toBe('3');
    // Only a trailing unit counts: "Msgs" is not milliseconds.
    expect(formatCounter('sentMsgs', 12)).toBe('12');
  });
});
