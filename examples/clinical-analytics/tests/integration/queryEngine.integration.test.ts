/** @tags slow, integration, real_llm */
import type { LlmCallOptions } from '../../src/llm/callLlm';
import type { DataContext } from '../../src/query/dataContext';
import { QueryEngine } from '../../src/query/QueryEngine';
import { describeWithLlmServer, faultyModel, itWithStandin } from '../fixtures/llm';
import { sharedQueryContext } from '../fixtures/queryEngine';
import { closedPortUrl, isAgeAbove, timeoutOptions } from './llmServer';

// The query engine against the LLM server in OLLAMA_HOST: the scenarios of README "Real-LLM
// integration tests". Assertions allow what a real model may phrase differently (`gt` or `gte`, extra
// filters), and check what the app guarantees: valid payloads, fields the data has, readable failures.
describeWithLlmServer('QueryEngine against the LLM server in OLLAMA_HOST', () => {
  let context: DataContext;
  const engine = (llm: LlmCallOptions = {}) => new QueryEngine({ context, llm: { timeoutMs: 60_000, ...llm } });

  beforeAll(async () => {
    context = await sharedQueryContext();
  });

  it.each([
    ['how many women over 65?', 'count'],
    ['number of statin users by region', 'group_count'],
    ['average t-score of women with osteoporosis', 'describe'],
  ] as const)('parses "%s" as a %s query and runs it', async (question, intent) => {
    const subject = engine();
    const query = await subject.parse(question);
    expect(query.intent).toBe(intent);
    expect(subject.execute(query).kind).toBe(intent);
  });

  it('answers a question end to end: parsed, run, explained, with follow-ups', async () => {
    const outcome = await engine().ask('how many statin users over 65 had a DEXA scan?');
    expect(outcome.kind).toBe('answered');
    if (outcome.kind !== 'answered') return;
    expect(outcome.query.datasets).toEqual(expect.arrayContaining(['statin', 'dexa']));
    expect(outcome.query.filters.some((f) => isAgeAbove(f, 65))).toBe(true);
    expect(outcome.result.cohortSize).toBeGreaterThan(0);
    expect(outcome.summary.length).toBeGreaterThan(0);
    expect(outcome.followups.length).toBeGreaterThan(0);
  });

  it('refuses a question it cannot answer, explaining why', async () => {
    const outcome = await engine().ask('what is the weather tomorrow?');
    expect(outcome.kind).toBe('failed');
    if (outcome.kind !== 'failed') return;
    expect(['UNSUPPORTED_QUESTION', 'UNKNOWN_FIELD', 'DATASET_NOT_FOUND']).toContain(outcome.error.code);
    expect(outcome.message.length).toBeGreaterThan(0);
  });

  it('gives a readable outcome for an ambiguous question', async () => {
    const outcome = await engine().ask('show me the patients');
    const text = outcome.kind === 'answered' ? outcome.summary : outcome.message;
    expect(text.length).toBeGreaterThan(0);
  });

  it('extracts complex filters on fields the data has', async () => {
    const subject = engine();
    const query = await subject.parse('diabetic women over 60 on simvastatin with a DEXA scan of the spine');
    expect(query.filters).toEqual(
      expect.arrayContaining([
        { field: 'sex', op: 'eq', value: 'F' },
        { field: 'drug', op: 'eq', value: 'simvastatin' },
      ]),
    );
    expect(query.filters.some((f) => isAgeAbove(f, 60))).toBe(true);
    for (const filter of query.filters) expect(() => context.field(filter.field)).not.toThrow();
    expect(subject.execute(query).cohortSize).toBeGreaterThanOrEqual(0);
  });

  it('refines the previous query: "now only women" keeps the age bound and narrows the count', async () => {
    const subject = engine();
    const before = subject.execute(await subject.parse('how many patients over 65?'));
    const refined = await subject.refine('now only women');
    expect(refined.filters).toContainEqual({ field: 'sex', op: 'eq', value: 'F' });
    expect(refined.filters.some((f) => isAgeAbove(f, 65))).toBe(true);
    expect(subject.execute(refined).cohortSize).toBeLessThan(before.cohortSize);
  });

  it('reports a timeout as an LLM failure', async () => {
    await expect(engine(timeoutOptions()).parse('how many patients over 65?')).rejects.toMatchObject({
      code: 'LLM_FAILED',
      cause: { code: 'LLM_TIMEOUT' },
    });
  });

  itWithStandin('explains a malformed answer with built-in messages', async () => {
    const outcome = await engine({ model: faultyModel('malformed') }).ask('how many patients over 65?');
    expect(outcome).toMatchObject({ kind: 'failed', error: { code: 'LLM_FAILED' } });
    if (outcome.kind === 'failed') expect(outcome.message).toContain('not valid JSON');
  });

  it('explains an unavailable server with built-in messages', async () => {
    const outcome = await engine({ host: await closedPortUrl() }).ask('how many patients over 65?');
    expect(outcome).toMatchObject({ kind: 'failed', error: { code: 'LLM_FAILED' } });
    if (outcome.kind === 'failed') expect(outcome.message).toContain('cannot reach the LLM server');
  });
});
