/** @tags integration */
import * as fs from 'node:fs';
import { llmFailure } from '@jest-perf/llm-mock';
import { tmpDir } from '@jest-perf/parallel/tmpDir';
import { QueryLearningStore } from '../../src/learning/QueryLearningStore';
import type { ParsePayload } from '../../src/llm/features';
import { AuditLog } from '../../src/logging/AuditLog';
import type { DataContext } from '../../src/query/dataContext';
import { fallbackSummary } from '../../src/query/QueryEngine';
import { describeWithLlmMock, useExampleLlm } from '../fixtures/llm';
import { createQueryEngine, smallQueryContext } from '../fixtures/queryEngine';

// The engine end to end over the small context (the real columns, 1/100 of the rows): ask() makes
// four LLM calls (PARSE, FILTER_EXTRACTION, RESULT_INTERPRETATION, FOLLOWUPS), parse() two. The LLM is the mock with its clinical defaults
// (answers built from the prompt, like the LLM stand-in's); JEST_PERF_LLM_MOCK=off makes them live
// calls to OLLAMA_HOST. Real-server runs: tests/integration/queryEngine.integration.test.ts.
const { mock } = useExampleLlm();

const parsed = (payload: Partial<ParsePayload>): ParsePayload => ({
  intent: 'count',
  datasets: [],
  groupBy: null,
  measure: null,
  ...payload,
});

let context: DataContext;

beforeAll(() => {
  context = smallQueryContext();
});

describe('QueryEngine.ask', () => {
  it('answers "how many statin users over 65 had a DEXA scan?"', async () => {
    const outcome = await createQueryEngine(context).ask('how many statin users over 65 had a DEXA scan?');
    expect(outcome.kind).toBe('answered');
    if (outcome.kind !== 'answered') return;
    expect(outcome.query).toMatchObject({
      intent: 'count',
      datasets: ['statin', 'dexa'],
      filters: [{ field: 'age', op: 'gt', value: 65 }],
    });
    expect(outcome.result.cohortSize).toBeGreaterThan(0);
    expect(outcome.summary).toMatch(/\d/);
    expect(outcome.followups.length).toBeGreaterThan(0);
  });

  it('parses and runs a breakdown by drug', async () => {
    const engine = createQueryEngine(context);
    const result = engine.execute(await engine.parse('number of women over 70 by drug'));
    expect(result.kind).toBe('group_count');
    if (result.kind === 'group_count') expect(result.groups.map((g) => g.value)).toContain('atorvastatin');
  });

  it('parses and runs an average', async () => {
    const engine = createQueryEngine(context);
    const result = engine.execute(await engine.parse('average t-score of women with osteoporosis'));
    expect(result.kind).toBe('describe');
    if (result.kind === 'describe' && result.summary.kind === 'numeric')
      expect(result.summary.max).toBeLessThanOrEqual(-2.5);
  });

  it('explains a question it cannot answer', async () => {
    const outcome = await createQueryEngine(context).ask('what is the weather tomorrow?');
    expect(outcome).toMatchObject({ kind: 'failed', error: { code: 'UNSUPPORTED_QUESTION' } });
    if (outcome.kind === 'failed') expect(outcome.message.length).toBeGreaterThan(0);
  });

  it('records parsed questions in the learning store', async () => {
    const learning = new QueryLearningStore(tmpDir());
    const question = 'how many smokers over 60?';
    await createQueryEngine(context, { learning }).parse(question);
    expect(learning.read().examples.map((e) => e.question)).toEqual([question]);
  });

  it('writes an audit trail of its LLM calls', async () => {
    const audit = new AuditLog(tmpDir(), 'engine.log');
    const question = 'how many women over 80?';
    await createQueryEngine(context, { audit }).parse(question);
    const mine = audit.read();
    expect(mine.map((r) => [r.event, r.question])).toEqual([
      ['question', question],
      ['llm_call', question],
      ['llm_call', question],
    ]);
    expect(mine[1]?.detail).toMatchObject({ feature: 'PARSE', error: null });
    expect(fs.existsSync(audit.file)).toBe(true);
  });
});

describeWithLlmMock('QueryEngine with a failing or surprising LLM', () => {
  it('asks PARSE, FILTER_EXTRACTION, RESULT_INTERPRETATION and FOLLOWUPS, in that order', async () => {
    await createQueryEngine(context).ask('how many women over 65?');
    expect(mock.calls.map((c) => c.feature)).toEqual([
      'PARSE',
      'FILTER_EXTRACTION',
      'RESULT_INTERPRETATION',
      'FOLLOWUPS',
    ]);
    expect(mock.callsFor('RESULT_INTERPRETATION')[0]?.user).toMatch(/^Question: how many women over 65\?\nResult: \{/);
  });

  it('falls back to built-in messages when the LLM is down', async () => {
    mock.fail('PARSE', 'error').fail('ERROR_TRANSLATION', 'error');
    const outcome = await createQueryEngine(context).ask('how many patients over 65?');
    expect(outcome).toMatchObject({ kind: 'failed', error: { code: 'LLM_FAILED' } });
    if (outcome.kind === 'failed') expect(outcome.message).toContain('cannot reach the LLM server');
  });

  it('reports a timeout as an LLM failure', async () => {
    mock.fail('PARSE', 'timeout');
    await expect(createQueryEngine(context).parse('how many patients over 65?')).rejects.toMatchObject({
      code: 'LLM_FAILED',
      cause: { code: 'LLM_TIMEOUT' },
    });
  });

  it('audits the error code of a failed call', async () => {
    mock.fail('PARSE', 'malformed');
    const audit = new AuditLog(tmpDir(), 'engine.log');
    const question = 'how many women?';
    await createQueryEngine(context, { audit }).ask(question);
    const mine = audit.read();
    expect(mine.map((r) => r.event)).toEqual(['question', 'llm_call', 'failure', 'llm_call']);
    expect(mine[1]?.detail).toMatchObject({ feature: 'PARSE', error: 'LLM_MALFORMED_JSON' });
  });

  it('answers with a built-in summary when RESULT_INTERPRETATION fails', async () => {
    mock.fail('RESULT_INTERPRETATION', 'malformed');
    const outcome = await createQueryEngine(context).ask('how many women over 65?');
    expect(outcome.kind).toBe('answered');
    if (outcome.kind === 'answered') expect(outcome.summary).toBe(fallbackSummary(outcome.result));
  });

  it('offers no follow-ups when FOLLOWUPS times out', async () => {
    mock.fail('FOLLOWUPS', 'timeout');
    const outcome = await createQueryEngine(context).ask('how many women over 65?');
    expect(outcome).toMatchObject({ kind: 'answered', followups: [] });
  });

  it("explains an error with the error's own text when ERROR_TRANSLATION fails", async () => {
    mock.fail('ERROR_TRANSLATION', 'http_error');
    const outcome = await createQueryEngine(context).ask('what is the weather tomorrow?');
    expect(outcome).toMatchObject({ kind: 'failed', error: { code: 'UNSUPPORTED_QUESTION' } });
    if (outcome.kind !== 'failed') return;
    expect(outcome.message).toBe(outcome.error.message.split('\n')[0]);
    expect(outcome.suggestion).toBe(outcome.error.fix);
  });

  it('answers again after a failed call: nothing of the failure is kept', async () => {
    mock.respondSequence('PARSE', [llmFailure('timeout'), parsed({ datasets: ['statin'] })]);
    const engine = createQueryEngine(context);
    expect((await engine.ask('how many statin users?')).kind).toBe('failed');
    expect(engine.previousQuery).toBeNull();
    expect((await engine.ask('how many statin users?')).kind).toBe('answered');
  });

  it('fails with DATASET_NOT_FOUND when the model names a dataset the data does not have', async () => {
    mock.respond('PARSE', parsed({ datasets: ['genomics'] }));
    const outcome = await createQueryEngine(context).ask('how many patients had a genome sequenced?');
    expect(outcome).toMatchObject({ kind: 'failed', error: { code: 'DATASET_NOT_FOUND' } });
  });

  it('fails with LLM_FAILED when PARSE answers outside its schema', async () => {
    mock.respond('PARSE', parsed({ groupBy: 'Region (UK)' }));
    await expect(createQueryEngine(context).parse('patients by region')).rejects.toMatchObject({
      code: 'LLM_FAILED',
      cause: { code: 'LLM_SCHEMA_MISMATCH' },
    });
  });

  it('refuses a breakdown the model gave no field for', async () => {
    mock.respond('PARSE', parsed({ intent: 'group_count' }));
    const outcome = await createQueryEngine(context).ask('break it down');
    expect(outcome).toMatchObject({ kind: 'failed', error: { code: 'UNSUPPORTED_QUESTION' } });
  });
});
