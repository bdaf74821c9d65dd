import * as fs from 'node:fs';
import * as path from 'node:path';
import { ENV_VARS, type EnvVarName, envValues, readEnv } from '../env';
import { JestPerfError } from '../errors';

describe('readEnv', () => {
  it('reads a flag from 1/true/yes/on and 0/false/no/off in any case, its default when empty, else says so', () => {
    expect(readEnv('JEST_PERF', {})).toBe(false);
    for (const on of ['1', 'true', 'YES', ' on ']) expect(readEnv('JEST_PERF', { JEST_PERF: on })).toBe(true);
    for (const off of ['0', 'False', 'no', 'off'])
      expect(readEnv('JEST_PERF_CACHE', { JEST_PERF_CACHE: off })).toBe(false);
    expect(readEnv('JEST_PERF_CACHE', { JEST_PERF_CACHE: '' })).toBe(true);
    // A typo must not pass for the default (JEST_PERF=ture would run untracked without a word).
    expect(() => readEnv('JEST_PERF_CACHE', { JEST_PERF_CACHE: 'maybe' })).toThrow(
      new TypeError('JEST_PERF_CACHE="maybe" is not a switch: use 1 or 0 (or unset it)'),
    );
    expect(() => readEnv('JEST_PERF', { JEST_PERF: 'ture' })).toThrow('JEST_PERF="ture" is not a switch');
  });

  it('reads tags separated by commas or spaces, dropping a leading @', () => {
    expect(readEnv('JEST_PERF_SKIP_TAGS', { JEST_PERF_SKIP_TAGS: '@slow, real_llm  integration' })).toEqual([
      'slow',
      'real_llm',
      'integration',
    ]);
    expect(readEnv('JEST_PERF_ONLY_TAGS', {})).toEqual([]);
  });

  it('reads a text as it is, with its default when unset or empty', () => {
    expect(readEnv('JEST_PERF_OUTPUT', { JEST_PERF_OUTPUT: ' /tmp/run one.json' })).toBe(' /tmp/run one.json');
    expect(readEnv('JEST_PERF_OUTPUT', { JEST_PERF_OUTPUT: '' })).toBeUndefined();
    expect(readEnv('JEST_PERF_SERIAL_TAG', {})).toBe('serial');
    expect(readEnv('JEST_PERF_SERIAL_TAG', { JEST_PERF_SERIAL_TAG: 'exclusive' })).toBe('exclusive');
  });

  it('reads a number, naming the variable when it is not one of the right sign', () => {
    expect(readEnv('JEST_PERF_CACHE_MAX_BYTES', {})).toBe(500 * 1024 * 1024);
    expect(readEnv('JEST_PERF_CACHE_MEMORY_MAX_BYTES', { JEST_PERF_CACHE_MEMORY_MAX_BYTES: '0' })).toBe(0);
    expect(() => readEnv('JEST_PERF_CACHE_MAX_BYTES', { JEST_PERF_CACHE_MAX_BYTES: 'lots' })).toThrow(
      new TypeError('The environment variable JEST_PERF_CACHE_MAX_BYTES should be a positive number (got "lots")'),
    );
    expect(() => readEnv('JEST_PERF_CACHE_MAX_BYTES', { JEST_PERF_CACHE_MAX_BYTES: '0' })).toThrow('positive number');
  });

  it('reads a choice, and names the choices as a usage error on anything else', () => {
    expect(readEnv('JEST_PERF_LANE', { JEST_PERF_LANE: 'serial' })).toBe('serial');
    expect(readEnv('JEST_PERF_LANE', {})).toBeUndefined();
    const read = () => readEnv('LLM_CASSETTE_MODE', { LLM_CASSETTE_MODE: 'rec' });
    expect(read).toThrow(JestPerfError);
    expect(read).toThrow(
      'LLM_CASSETTE_MODE="rec" is not a cassette mode: use "record", "replay" or "off" (or unset it to use the `cassette.mode` option)',
    );
    expect(read).toThrow(expect.objectContaining({ code: 'JEST_PERF_USAGE', fix: 'LLM_CASSETTE_MODE=record' }));
  });
});

describe('envValues', () => {
  it('writes values the way readEnv reads them back, leaving undefined out', () => {
    const env = envValues({
      JEST_PERF: true,
      JEST_PERF_CACHE: false,
      JEST_PERF_SKIP_TAGS: ['slow', 'serial'],
      JEST_PERF_CACHE_MAX_BYTES: 1000,
      JEST_PERF_OUTPUT: undefined,
    });
    expect(env).toEqual({
      JEST_PERF: '1',
      JEST_PERF_CACHE: '0',
      JEST_PERF_SKIP_TAGS: 'slow,serial',
      JEST_PERF_CACHE_MAX_BYTES: '1000',
    });
    expect(readEnv('JEST_PERF', env)).toBe(true);
    expect(readEnv('JEST_PERF_CACHE', env)).toBe(false);
    expect(readEnv('JEST_PERF_SKIP_TAGS', env)).toEqual(['slow', 'serial']);
    expect(readEnv('JEST_PERF_CACHE_MAX_BYTES', env)).toBe(1000);
  });
});

/** The user guide's table of environment variables, as the list in env.ts renders it. */
function renderTable(): string {
  const rows = (Object.keys(ENV_VARS) as EnvVarName[]).map((name) => {
    const spec = ENV_VARS[name] as (typeof ENV_VARS)[EnvVarName];
    const type =
      spec.kind === 'choice'
        ? spec.values.map((v) => `\`${v}\``).join(' \\| ')
        : { flag: 'flag', text: 'text', list: 'tags', number: 'bytes' }[spec.kind];
    const fallback =
      spec.kind === 'flag'
        ? spec.default
          ? 'on'
          : 'off'
        : 'defaultDoc' in spec
          ? spec.defaultDoc
          : 'default' in spec
            ? `\`${spec.default}\``
            : '—';
    return [`\`${name}\``, type, fallback, spec.readBy, spec.doc];
  });
  const table = [['variable', 'type', 'default', 'read by', 'what it does'], ...rows];
  const widths = table[0]?.map((_, column) => Math.max(...table.map((row) => (row[column] ?? '').length))) ?? [];
  const line = (row: string[]) => `| ${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  return [line(table[0] ?? []), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

const GUIDE = path.resolve(__dirname, '..', '..', '..', '..', 'docs', 'PERFORMANCE.md');
const START = '<!-- env-vars:start (generated from packages/core/src/env.ts: edit there) -->';
const END = '<!-- env-vars:end -->';

describe('the user guide', () => {
  it('lists every environment variable as env.ts does (paste the table printed on failure between the markers)', () => {
    const guide = fs.readFileSync(GUIDE, 'utf8');
    const start = guide.indexOf(START);
    const end = guide.indexOf(END);
    expect(start).toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThan(start);
    expect(guide.slice(start + START.length, end).trim()).toBe(renderTable());
  });
});
