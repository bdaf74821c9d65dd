import { isTrackingEnabled, validateOptions } from '../isEnabled';

describe('isTrackingEnabled', () => {
  it.each(['1', 'true', 'TRUE', 'yes', 'on'])('is on when JEST_PERF=%s', (value) => {
    expect(isTrackingEnabled({}, { JEST_PERF: value })).toBe(true);
  });

  it('names a JEST_PERF that is not a switch', () => {
    expect(() => isTrackingEnabled({}, { JEST_PERF: 'enabled' })).toThrow('JEST_PERF="enabled" is not a switch');
  });

  it.each(['0', 'false', 'off', ''])('is off when JEST_PERF=%j', (value) => {
    expect(isTrackingEnabled({}, { JEST_PERF: value })).toBe(false);
  });

  it('is off when JEST_PERF is not set', () => {
    expect(isTrackingEnabled({}, {})).toBe(false);
  });

  it('lets the enabled option override the environment both ways', () => {
    expect(isTrackingEnabled({ enabled: true }, {})).toBe(true);
    expect(isTrackingEnabled({ enabled: false }, { JEST_PERF: '1' })).toBe(false);
  });

  it('reads process.env by default', () => {
    const saved = process.env.JEST_PERF;
    process.env.JEST_PERF = 'yes';
    try {
      expect(isTrackingEnabled({})).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.JEST_PERF;
      else process.env.JEST_PERF = saved;
    }
  });
});

describe('validateOptions', () => {
  it('accepts no options', () => {
    expect(validateOptions(undefined)).toEqual({});
    expect(validateOptions(null)).toEqual({});
  });

  it('returns the known options', () => {
    expect(validateOptions({ enabled: true, silent: false })).toEqual({ enabled: true, silent: false });
  });

  it('rejects options that are not an object', () => {
    expect(() => validateOptions('on')).toThrow(new TypeError('@jest-perf/reporter options must be an object'));
  });

  it('names an unknown option and lists the known ones', () => {
    expect(() => validateOptions({ enabled: true, outputDir: 'x' })).toThrow(
      new TypeError("@jest-perf/reporter: unknown option 'outputDir' (known: enabled, silent, summary, top)"),
    );
  });

  it('names the enabled option when it is not a boolean', () => {
    expect(() => validateOptions({ enabled: 'yes' })).toThrow(
      new TypeError('@jest-perf/reporter: the option enabled should be a boolean'),
    );
  });

  it('names the silent option when it is not a boolean', () => {
    expect(() => validateOptions({ silent: 1 })).toThrow(
      new TypeError('@jest-perf/reporter: the option silent should be a boolean'),
    );
  });

  it('returns the summary options', () => {
    expect(validateOptions({ summary: false, top: 3 })).toEqual({ summary: false, top: 3 });
  });

  it('names the summary option when it is not a boolean', () => {
    expect(() => validateOptions({ summary: 'off' })).toThrow(
      new TypeError('@jest-perf/reporter: the option summary should be a boolean'),
    );
  });

  it.each([0, -1, 2.5, '5'])('names the top option when it is %j', (top) => {
    expect(() => validateOptions({ top })).toThrow(
      new TypeError(`@jest-perf/reporter: the option top should be a whole number of at least 1 (got ${top})`),
    );
  });
});
