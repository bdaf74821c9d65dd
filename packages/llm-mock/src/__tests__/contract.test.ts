import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkContract, formatViolations } from '../contract/checkContract';
import { describeLlmContract } from '../contract/describeLlmContract';
import { findCassetteFiles } from '../contract/findCassetteFiles';
import { createLlmMock } from '../createLlmMock';
import { llmFailure } from '../failureStep';
import type { LlmDefaults, LlmSeam } from '../types';
import type { SamplePayloads } from './fixtures/sampleApp';
import { sampleDefaults, samplePrompts } from './fixtures/sampleApp';
import { payloadSchemas } from './fixtures/sampleSchemas';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'llm-mock-contract-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Records one answer per feature into `<dir>/tests/cassettes/<name>.json` through the mock's record mode. */
async function recordCassette(name: string, payloadFor: (feature: string) => unknown): Promise<string> {
  const real = (async (feature: string) => {
    const payload = payloadFor(feature);
    return {
      feature,
      model: 'llama3.2',
      rawText: JSON.stringify(payload),
      payload,
      latencyMs: 10,
      timedOut: false,
      error: null,
    };
  }) as unknown as LlmSeam<SamplePayloads>;
  const mock = createLlmMock({
    defaults: sampleDefaults,
    real,
    cassette: { mode: 'record', dir: path.join(dir, 'tests', 'cassettes'), name },
  });
  await mock.call('PARSE', 'Task: PARSE', 'Question: q');
  await mock.call('FOLLOWUPS', 'Task: FOLLOWUPS', 'Question: q');
  return path.join(dir, 'tests', 'cassettes', `${name}.json`);
}

const goodPayload = (feature: string) =>
  feature === 'PARSE' ? { intent: 'count', datasets: [], groupBy: null, measure: null } : { followups: ['Why not?'] };

describe('checkContract', () => {
  it('finds a default that drifted from the app schema, naming feature, prompt and the ajv error', async () => {
    const drifted: LlmDefaults<SamplePayloads> = {
      ...sampleDefaults,
      FILTER_EXTRACTION: ({ user }) =>
        ({ filters: [{ field: 'age', op: 'greater', value: 65 }], removeFields: [], note: user }) as never,
    };
    const violations = await checkContract({
      schemas: payloadSchemas,
      defaults: drifted,
      prompts: { FILTER_EXTRACTION: [{ system: 's', user: 'Question: over 65' }] },
    });
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({
      feature: 'FILTER_EXTRACTION',
      source: { kind: 'default', prompt: 'Question: over 65' },
    });
    expect(violations[0]?.message).toBe(
      '/ must NOT have additional properties; /filters/0/op must be equal to one of the allowed values',
    );
    expect(violations[0]?.errors.map((e) => e.keyword)).toEqual(['additionalProperties', 'enum']);
  });

  it('asks each default a generic prompt when none are given, and skips defaults that answer a failure', async () => {
    const defaults: LlmDefaults<Pick<SamplePayloads, 'PARSE' | 'FOLLOWUPS'>> = {
      PARSE: () => llmFailure('timeout'),
      FOLLOWUPS: async ({ user }) => ({ followups: [user] }),
    };
    expect(await checkContract({ schemas: payloadSchemas, defaults })).toEqual([]);
  });

  it('reports a feature the schemas do not know', async () => {
    const violations = await checkContract({
      schemas: payloadSchemas,
      defaults: { SUMMARISE: () => ({ text: 'x' }) } as never,
    });
    expect(violations).toEqual([
      {
        feature: 'SUMMARISE',
        source: expect.objectContaining({ kind: 'default' }),
        message: 'no schema for feature SUMMARISE',
        errors: [],
      },
    ]);
  });

  it('passes recorded cassettes that match and finds the entry that drifted, by file and key', async () => {
    await recordCassette('good', goodPayload);
    const bad = await recordCassette('bad', (feature) =>
      feature === 'PARSE' ? { intent: 'count', datasets: [], groupBy: null } : goodPayload(feature),
    );
    const violations = await checkContract({
      schemas: payloadSchemas,
      defaults: sampleDefaults,
      prompts: samplePrompts,
      cassettesDir: dir,
    });
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({ feature: 'PARSE', source: { kind: 'cassette', file: bad } });
    expect(violations[0]?.message).toBe("/ must have required property 'measure'");
    expect(formatViolations(violations)).toMatch(
      new RegExp(`^PARSE \\(cassette ${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, key [0-9a-f]{64}\\): /`),
    );
  });

  it('skips recorded failures (no payload) and reports an unreadable cassette file', async () => {
    const cassettes = path.join(dir, 'cassettes');
    fs.mkdirSync(cassettes);
    fs.writeFileSync(path.join(cassettes, 'broken.json'), '{"schemaVersion":1,"entries":{"zz":{}}}');
    const violations = await checkContract({
      schemas: payloadSchemas,
      defaults: {} as never,
      cassettesDir: [cassettes],
    });
    expect(violations).toEqual([
      expect.objectContaining({
        feature: '(file)',
        source: { kind: 'cassette-file', file: path.join(cassettes, 'broken.json') },
      }),
    ]);
    expect(violations[0]?.message).toContain('Invalid cassette file: field /entries');
    expect(formatViolations(violations)).toContain(`(file) (cassette ${path.join(cassettes, 'broken.json')})`);
    const failures = await recordCassette('failures', () => null);
    expect(await checkContract({ schemas: payloadSchemas, defaults: {} as never, cassettesDir: failures })).toEqual([]);
  });

  it('formats default violations with their prompt', () => {
    expect(
      formatViolations([
        { feature: 'PARSE', source: { kind: 'default', prompt: 'Question: q' }, message: '/intent bad', errors: [] },
      ]),
    ).toBe('PARSE (default, prompt "Question: q"): /intent bad');
  });
});

describe('findCassetteFiles', () => {
  it('finds .json files in cassettes folders only, skipping node_modules and dot folders', () => {
    const make = (rel: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), '{}');
    };
    [
      'tests/cassettes/a.json',
      'tests/llm/cassettes/sub/b.json',
      'tests/fixtures/c.json',
      'node_modules/x/cassettes/d.json',
      '.cache/cassettes/e.json',
      'tests/cassettes/notes.md',
    ].forEach(make);
    expect(findCassetteFiles(dir).map((f) => path.relative(dir, f))).toEqual([
      'tests/cassettes/a.json',
      'tests/llm/cassettes/sub/b.json',
    ]);
    expect(findCassetteFiles(path.join(dir, 'tests', 'cassettes')).map((f) => path.basename(f))).toEqual(['a.json']);
    expect(findCassetteFiles(path.join(dir, 'missing'))).toEqual([]);
  });
});

describe('describeLlmContract', () => {
  it('declares one test per feature and per cassette file, failing with the violations', async () => {
    const cassette = await recordCassette('bad', (feature) =>
      feature === 'PARSE' ? { intent: 'guess' } : goodPayload(feature),
    );
    const tests: { name: string; fn: () => unknown }[] = [];
    const blocks: string[] = [];
    describeLlmContract({
      schemas: payloadSchemas,
      defaults: sampleDefaults,
      prompts: samplePrompts,
      cassettesDir: cassette,
      globals: {
        describe: (name, fn) => {
          blocks.push(name);
          fn();
        },
        it: (name, fn) => tests.push({ name, fn }),
      },
    });
    expect(blocks).toEqual(['LLM mock contract']);
    expect(tests.map((t) => t.name)).toEqual([
      'default PARSE answers match the PARSE schema',
      'default FILTER_EXTRACTION answers match the FILTER_EXTRACTION schema',
      'default FOLLOWUPS answers match the FOLLOWUPS schema',
      'default RESULT_INTERPRETATION answers match the RESULT_INTERPRETATION schema',
      'default ERROR_TRANSLATION answers match the ERROR_TRANSLATION schema',
      `cassette ${cassette} matches the schemas`,
    ]);
    await expect(tests[0]?.fn()).resolves.toBeUndefined();
    await expect(tests[5]?.fn()).rejects.toMatchObject({ code: 'JEST_PERF_LLM_CONTRACT_VIOLATION' });
    await expect(tests[5]?.fn()).rejects.toThrow('PARSE (cassette');
  });

  it('needs describe and it', () => {
    const scope = globalThis as Record<string, unknown>;
    const saved = scope.describe;
    delete scope.describe;
    try {
      expect(() => describeLlmContract({ schemas: payloadSchemas, defaults: sampleDefaults })).toThrow(
        'describeLlmContract needs the Jest globals describe and it',
      );
    } finally {
      scope.describe = saved;
    }
  });
});

describeLlmContract({
  title: 'sampleDefaults against the sample schemas (real Jest)',
  schemas: payloadSchemas,
  defaults: sampleDefaults,
  prompts: samplePrompts,
});
