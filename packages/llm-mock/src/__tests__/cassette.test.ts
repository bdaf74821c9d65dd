import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { JestPerfError } from '@jest-perf/core';
import { type CassetteOptions, openCassette } from '../cassette/cassette';
import { cassetteKey } from '../cassette/key';
import { resolveCassetteMode } from '../cassette/mode';
import { createLlmMock } from '../createLlmMock';
import type { LlmCallResult, LlmSeam } from '../types';
import type { SamplePayloads } from './fixtures/sampleApp';
import { sampleDefaults } from './fixtures/sampleApp';

let dir: string;
const savedMode = process.env.LLM_CASSETTE_MODE;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'llm-mock-cassette-'));
  delete process.env.LLM_CASSETTE_MODE;
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  if (savedMode === undefined) delete process.env.LLM_CASSETTE_MODE;
  else process.env.LLM_CASSETTE_MODE = savedMode;
});

/** A "real" seam that answers by feature and logs its calls. */
function realSeam(answer: (feature: string, user: string) => Partial<LlmCallResult> = () => ({})) {
  const calls: string[] = [];
  const real = (async (feature: string, _system: string, user: string, options: { model?: string } = {}) => {
    calls.push(`${feature}:${user}`);
    const payload =
      feature === 'PARSE'
        ? { intent: 'count', datasets: ['statin'], groupBy: null, measure: null }
        : { summary: `About ${user}` };
    return {
      feature,
      model: options.model ?? 'llama3.2',
      rawText: JSON.stringify(payload),
      payload,
      latencyMs: 812,
      timedOut: false,
      error: null,
      ...answer(feature, user),
    };
  }) as unknown as LlmSeam<SamplePayloads>;
  return { real, calls };
}

function mockWith(cassette: CassetteOptions, real?: LlmSeam<SamplePayloads>) {
  return createLlmMock({
    defaults: sampleDefaults,
    cassette: { dir, name: 'queries', ...cassette },
    ...(real && { real }),
  });
}

describe('cassettes: record then replay', () => {
  it('records real answers into cassettes/<name>.json and replays them without the real LLM', async () => {
    const { real, calls } = realSeam();
    const recorder = mockWith({ mode: 'record' }, real);
    const recorded = [
      await recorder.call('PARSE', 'Task: PARSE\nFields: …', 'Question: statin users?'),
      await recorder.call('RESULT_INTERPRETATION', 'Task: RESULT_INTERPRETATION', 'Question: x\nResult: {}'),
    ];
    expect(calls).toHaveLength(2);
    expect(recorder.calls.map((c) => c.source)).toEqual(['record', 'record']);
    const file = JSON.parse(fs.readFileSync(path.join(dir, 'queries.json'), 'utf8'));
    expect(Object.keys(file.entries)).toHaveLength(2);

    const player = mockWith({ mode: 'replay' });
    const replayed = [
      await player.call('PARSE', 'Task: PARSE\nFields: …', 'Question: statin users?'),
      await player.call('RESULT_INTERPRETATION', 'Task: RESULT_INTERPRETATION', 'Question: x\nResult: {}'),
    ];
    expect(replayed).toEqual(recorded);
    expect(player.calls.map((c) => c.source)).toEqual(['replay', 'replay']);
    expect(calls).toHaveLength(2);
  });

  it('counts recorded and replayed answers on the jest-perf channel', async () => {
    const counted: string[] = [];
    const scope = globalThis as { __JEST_PERF__?: unknown };
    const saved = scope.__JEST_PERF__;
    scope.__JEST_PERF__ = { count: (_group: string, name: string) => counted.push(name) };
    try {
      await mockWith({ mode: 'record' }, realSeam().real).call('PARSE', 's', 'u');
      await mockWith({ mode: 'replay' }).call('PARSE', 's', 'u');
    } finally {
      scope.__JEST_PERF__ = saved;
    }
    expect(counted).toEqual(['calls', 'recorded', 'callMs', 'calls', 'replayed', 'callMs']);
  });

  it('places the default cassette next to the test file, named after it', async () => {
    const testPath = path.join(dir, 'tests', 'queryEngine.test.ts');
    const mock = createLlmMock({
      defaults: sampleDefaults,
      cassette: { mode: 'record' },
      real: realSeam().real,
      testPath,
    });
    await mock.call('PARSE', 's', 'u');
    expect(fs.existsSync(path.join(dir, 'tests', 'cassettes', 'queryEngine.json'))).toBe(true);
  });

  it('does not record transport failures, but records what the model said', async () => {
    const { real } = realSeam((feature) =>
      feature === 'PARSE'
        ? { payload: null, rawText: '', error: { code: 'LLM_TIMEOUT', message: 'slow' }, timedOut: true }
        : { payload: null, rawText: 'not json', error: { code: 'LLM_MALFORMED_JSON', message: 'bad' } },
    );
    const mock = mockWith({ mode: 'record' }, real);
    await mock.call('PARSE', 's', 'u');
    await mock.call('FOLLOWUPS', 's', 'u');
    const entries = Object.values(JSON.parse(fs.readFileSync(path.join(dir, 'queries.json'), 'utf8')).entries);
    expect(entries).toEqual([
      expect.objectContaining({ feature: 'FOLLOWUPS', result: expect.objectContaining({ rawText: 'not json' }) }),
    ]);
  });

  it('lets a scripted answer win over the cassette', async () => {
    const mock = mockWith({ mode: 'replay' }).respond('FOLLOWUPS', { followups: ['Scripted?'] });
    expect((await mock.call('FOLLOWUPS', 's', 'u')).payload).toEqual({ followups: ['Scripted?'] });
  });

  it('answers from the defaults in mode off', async () => {
    const mock = mockWith({ mode: 'off' });
    expect((await mock.call('RESULT_INTERPRETATION', 's', 'u')).payload).toEqual({
      summary: 'The result could not be summarised.',
    });
    expect(fs.existsSync(path.join(dir, 'queries.json'))).toBe(false);
  });
});

describe('cassettes: failing loudly', () => {
  it('rejects a replay miss naming the feature, a prompt excerpt, the key, the file and how to record', async () => {
    const user = `Question: ${'how many patients over 65 take a statin and had a DEXA scan '.repeat(3)}`;
    const mock = mockWith({ mode: 'replay', schemaVersion: '2' });
    const key = cassetteKey({ feature: 'PARSE', model: 'llm-mock', system: 'Task: PARSE', user, schemaVersion: '2' });
    const error = await mock.call('PARSE', 'Task: PARSE', user).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'JEST_PERF_LLM_CASSETTE_MISS', file: path.join(dir, 'queries.json') });
    const message = (error as Error).message;
    expect(message).toContain(
      'No cassette entry for PARSE (model llm-mock) with prompt "Question: how many patients over 65',
    );
    expect(message).toContain('…"');
    expect(message).toContain(`key ${key}`);
    expect(message).toContain('LLM_CASSETTE_MODE=record npx jest');
    expect(mock.errors).toHaveLength(1);
  });

  it('misses after the payload schema version changes', async () => {
    await mockWith({ mode: 'record', schemaVersion: '1' }, realSeam().real).call('PARSE', 's', 'u');
    await expect(mockWith({ mode: 'replay', schemaVersion: '1' }).call('PARSE', 's', 'u')).resolves.toMatchObject({
      error: null,
    });
    await expect(mockWith({ mode: 'replay', schemaVersion: '2' }).call('PARSE', 's', 'u')).rejects.toMatchObject({
      code: 'JEST_PERF_LLM_CASSETTE_MISS',
    });
  });

  it('rejects record mode without a real seam', async () => {
    await expect(mockWith({ mode: 'record' }).call('PARSE', 's', 'u')).rejects.toMatchObject({
      code: 'JEST_PERF_LLM_NO_REAL_SEAM',
    });
  });

  it('rejects an invalid cassette file with an error naming the file and the field', async () => {
    const file = path.join(dir, 'queries.json');
    const key = 'a'.repeat(64);
    const entry = {
      feature: 'PARSE',
      model: 'm',
      systemExcerpt: '',
      user: 'u',
      payloadSchemaVersion: '1',
      result: { rawText: '', payload: null, latencyMs: 'slow', timedOut: false, error: null },
    };
    fs.writeFileSync(file, JSON.stringify({ schemaVersion: 1, entries: { [key]: entry } }));
    const error = await mockWith({ mode: 'replay' })
      .call('PARSE', 's', 'u')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JestPerfError);
    expect(error).toMatchObject({ code: 'JEST_PERF_FILE_INVALID', file });
    expect((error as Error).message).toContain(`field /entries/${key}/result/latencyMs must be number`);
  });

  it('rejects a half-written cassette file as corrupt', async () => {
    fs.writeFileSync(path.join(dir, 'queries.json'), '{"schemaVersion": 1, "entr');
    await expect(mockWith({ mode: 'replay' }).call('PARSE', 's', 'u')).rejects.toMatchObject({
      code: 'JEST_PERF_FILE_CORRUPT',
    });
  });

  it('needs a test path or a dir and a name to place the cassette', () => {
    expect(() => openCassette({ mode: 'replay' }, undefined)).toThrow('Cannot place the cassette');
  });

  it.each(['../../../x', '/tmp/x', 'sub/../../x'])(
    'refuses a cassette name that leaves the cassette folder (%s) before recording anything',
    async (name) => {
      const cassetteDir = path.join(dir, 'cassettes');
      expect(() => openCassette({ mode: 'record', dir: cassetteDir, name }, undefined)).toThrow(
        expect.objectContaining({ code: 'JEST_PERF_PATH_OUTSIDE', message: expect.stringContaining('cassette name') }),
      );
      const { real, calls } = realSeam();
      const mock = mockWith({ mode: 'record', dir: cassetteDir, name }, real);
      await expect(mock.call('PARSE', 's', 'u')).rejects.toThrow(/Refusing the cassette name/);
      expect(calls).toEqual([]);
      expect(fs.readdirSync(dir)).toEqual([]);
    },
  );
});

describe('cassettes: scrubbing', () => {
  it('keeps secrets and configured fields out of the file, in prompts, payload and rawText', async () => {
    const { real } = realSeam(() => ({
      payload: { summary: 'ok', patientId: 'P-000123' },
      rawText: '{"summary":"ok","patientId":"P-000123"}',
    }));
    const mock = mockWith({ mode: 'record', scrub: ['payload.patientId'] }, real);
    const live = await mock.call(
      'RESULT_INTERPRETATION',
      'Task: X\nAuthorization: Bearer sk-live-abcdefghijklmnop1234',
      'Question: q api_key=abc123XYZ',
    );
    expect(live.payload).toEqual({ summary: 'ok', patientId: 'P-000123' });
    const text = fs.readFileSync(path.join(dir, 'queries.json'), 'utf8');
    for (const secret of ['sk-live', 'abc123XYZ', 'P-000123']) expect(text).not.toContain(secret);
    const [entry] = Object.values(JSON.parse(text).entries) as {
      user: string;
      systemExcerpt: string;
      result: { payload: unknown; rawText: string };
    }[];
    expect(entry?.user).toBe('Question: q api_key=[scrubbed]');
    expect(entry?.result.payload).toEqual({ summary: 'ok', patientId: '[scrubbed]' });
    expect(JSON.parse(entry?.result.rawText ?? '')).toEqual({ summary: 'ok', patientId: '[scrubbed]' });

    const replayed = await mockWith({ mode: 'replay' }).call(
      'RESULT_INTERPRETATION',
      'Task: X\nAuthorization: Bearer sk-live-abcdefghijklmnop1234',
      'Question: q api_key=abc123XYZ',
    );
    expect(replayed.payload).toEqual({ summary: 'ok', patientId: '[scrubbed]' });
  });

  it('leaves non-JSON rawText to the secret patterns when scrubbing payload paths', async () => {
    const { real } = realSeam(() => ({
      payload: null,
      rawText: 'oops token=s3cr3t',
      error: { code: 'LLM_MALFORMED_JSON', message: 'm' },
    }));
    await mockWith({ mode: 'record', scrub: ['payload.patientId'] }, real).call('PARSE', 's', 'u');
    const [entry] = Object.values(JSON.parse(fs.readFileSync(path.join(dir, 'queries.json'), 'utf8')).entries) as {
      result: { rawText: string };
    }[];
    expect(entry?.result.rawText).toBe('oops token=[scrubbed]');
  });

  it('scrubs rawText as a whole when it is a configured path', async () => {
    await mockWith({ mode: 'record', scrub: ['rawText'] }, realSeam().real).call('PARSE', 's', 'u');
    const [entry] = Object.values(JSON.parse(fs.readFileSync(path.join(dir, 'queries.json'), 'utf8')).entries) as {
      result: { rawText: string };
    }[];
    expect(entry?.result.rawText).toBe('[scrubbed]');
  });
});

describe('resolveCassetteMode', () => {
  it('takes LLM_CASSETTE_MODE over the option, and the option over the default replay', () => {
    expect(resolveCassetteMode('replay', { LLM_CASSETTE_MODE: 'record' })).toBe('record');
    expect(resolveCassetteMode('off', {})).toBe('off');
    expect(resolveCassetteMode(undefined, {})).toBe('replay');
  });

  it('rejects an unknown mode naming the variable or the option', () => {
    const read = () => resolveCassetteMode(undefined, { LLM_CASSETTE_MODE: 'rec' });
    expect(read).toThrow('LLM_CASSETTE_MODE="rec" is not a cassette mode: use "record", "replay" or "off"');
    expect(read).toThrow(expect.objectContaining({ name: 'LlmMockError', code: 'JEST_PERF_LLM_USAGE' }));
    expect(() => resolveCassetteMode('live' as never, {})).toThrow(
      'The option cassette.mode should be one of record, replay, off; got live',
    );
  });
});
