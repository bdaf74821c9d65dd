import { bestSplit, Prefix } from '../segments';

describe('Prefix', () => {
  it('gives any segment the mean and unbiased variance of log(1 + ms), and the raw mean', () => {
    const values = [9, 99, 999, 9999];
    const prefix = new Prefix(values);
    const logs = values.map((v) => Math.log1p(v));
    const mean = (logs[1]! + logs[2]!) / 2;
    const summary = prefix.summary(1, 3);
    expect(summary.mean).toBeCloseTo(mean, 12);
    expect(summary.variance).toBeCloseTo((logs[1]! - mean) ** 2 + (logs[2]! - mean) ** 2, 12);
    expect(summary.n).toBe(2);
    expect(prefix.summary(0, 1).variance).toBe(0);
    expect(prefix.rawMean(0, 2)).toBe(54);
  });
});

describe('bestSplit', () => {
  it('splits where the mean steps', () => {
    const values = [100, 102, 98, 101, 99, 100, 150, 152, 148, 151, 149, 150];
    expect(bestSplit(new Prefix(values), 0, values.length, 3)).toBe(6);
  });

  it('keeps at least minSegment values on each side', () => {
    const values = [100, 100, 100, 100, 100, 100, 100, 300];
    expect(bestSplit(new Prefix(values), 0, values.length, 3)).toBe(5);
  });
});
