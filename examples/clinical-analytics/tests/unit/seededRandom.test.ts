import { deriveSeed, SeededRandom } from '../../src/util/seededRandom';

describe('SeededRandom', () => {
  it('gives the same sequence for the same seed', () => {
    const a = new SeededRandom(42);
    const b = new SeededRandom(42);
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(Array.from({ length: 5 }, () => b.next()));
  });

  it('keeps next() within [0, 1)', () => {
    const rng = new SeededRandom(7);
    for (let i = 0; i < 10_000; i += 1) {
      const v = rng.next();
      expect(v >= 0 && v < 1).toBe(true);
    }
  });

  it('returns integers within both inclusive bounds', () => {
    const rng = new SeededRandom(3);
    const seen = new Set<number>();
    for (let i = 0; i < 1_000; i += 1) seen.add(rng.int(1, 3));
    expect([...seen].sort()).toEqual([1, 2, 3]);
  });

  it('rejects a max below the min', () => {
    expect(() => new SeededRandom(1).int(5, 4)).toThrow(RangeError);
  });

  it('rejects a non-integer seed with a message naming it', () => {
    expect(() => new SeededRandom(1.5)).toThrow('The seed should be an integer, got 1.5');
  });

  it('draws normal values around the mean', () => {
    const rng = new SeededRandom(9);
    const values = Array.from({ length: 20_000 }, () => rng.normal(50, 10));
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    expect(mean).toBeGreaterThan(49.5);
    expect(mean).toBeLessThan(50.5);
  });
});

describe('deriveSeed', () => {
  it('is deterministic and spreads neighbouring indexes apart', () => {
    expect(deriveSeed(1, 10)).toBe(deriveSeed(1, 10));
    expect(deriveSeed(1, 10)).not.toBe(deriveSeed(1, 11));
    expect(deriveSeed(1, 10)).not.toBe(deriveSeed(2, 10));
  });
});
