import { SCRUBBED, scrubPaths, scrubSecrets, scrubSecretsDeep } from '../cassette/scrub';

describe('scrubSecrets', () => {
  it.each([
    ['Authorization: Bearer abc.def-123', `Authorization: ${SCRUBBED}`],
    ['{"authorization":"Basic dXNlcjpwYXNz"}', `{"authorization":"${SCRUBBED}"}`],
    ['sent bearer eyJhbGciOi.x.y to the server', `sent bearer ${SCRUBBED} to the server`],
    ['url?api_key=12345&q=1', `url?api_key=${SCRUBBED}&q=1`],
    ['{"apiKey": "k-1", "x-api-key": "k-2"}', `{"apiKey": "${SCRUBBED}", "x-api-key": "${SCRUBBED}"}`],
    ['password=hunter2 secret: s', `password=${SCRUBBED} secret: ${SCRUBBED}`],
    ['key sk-abcdefghijklmnopqrstuv here', `key ${SCRUBBED} here`],
    ['ghp_abcdefghijklmnopqrstuvwxyz0123 AKIAABCDEFGHIJKLMNOP', `${SCRUBBED} ${SCRUBBED}`],
  ])('scrubs %j', (text, expected) => {
    expect(scrubSecrets(text)).toBe(expected);
  });

  it('leaves ordinary clinical text alone', () => {
    const text = 'How many women over 65 take a statin? Tokens of interest: DEXA, T-score.';
    expect(scrubSecrets(text)).toBe(text);
  });

  it('scrubs every string of a nested value without touching other types', () => {
    expect(scrubSecretsDeep({ a: ['token=x'], b: 3, c: null, d: { e: 'Bearer abc' } })).toEqual({
      a: [`token=${SCRUBBED}`],
      b: 3,
      c: null,
      d: { e: `Bearer ${SCRUBBED}` },
    });
  });
});

describe('scrubPaths', () => {
  it('replaces dotted paths, with * for every key or index, and ignores paths that lead nowhere', () => {
    const value = { payload: { patientId: 'P1', rows: [{ mrn: 'M1', age: 70 }, { mrn: 'M2' }], note: 'n' } };
    expect(
      scrubPaths(value, ['payload.patientId', 'payload.rows.*.mrn', 'payload.missing.deep', 'payload.note.x']),
    ).toEqual({
      payload: { patientId: SCRUBBED, rows: [{ mrn: SCRUBBED, age: 70 }, { mrn: SCRUBBED }], note: 'n' },
    });
    expect(value.payload.patientId).toBe('P1');
    expect(scrubPaths({ list: ['a', 'b'] }, ['list.1'])).toEqual({ list: ['a', SCRUBBED] });
  });
});
