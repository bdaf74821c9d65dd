/** @tags integration, real_llm */
import * as fs from 'node:fs';
import type { LoadedDataset } from '../../src/datasets/loadDataset';
import { QueryLearningStore } from '../../src/learning/QueryLearningStore';
import { AuditLog } from '../../src/logging/AuditLog';
import type { DataContext } from '../../src/query/dataContext';
import { QueryEngine } from '../../src/query/QueryEngine';
import { dataContextOf, discoveredDatasets } from '../fixtures/datasets';
import { faultyModel, itWithStandin } from '../fixtures/llm';
import { LEARNING_DIR, TEST_LOG_DIR } from '../fixtures/paths';
import { createQueryEngine } from '../fixtures/queryEngine';

// End to end against the server in OLLAMA_HOST: ask() makes four real LLM calls (PARSE,
// FILTER_EXTRACTION, RESULT_INTERPRETATION, FOLLOWUPS), parse() two.
describe('QueryEngine.ask', () => {
  let datasets: Map<string, LoadedDataset>;
  let context: DataContext;

  beforeAll(async () => {
    datasets = await discoveredDatasets();
    context = dataContextOf(datasets);
  });

  it('answers "how many statin users over 65 had a DEXA scan?" @real_llm @slow', async () => {
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

  it('parses and runs a breakdown by drug @real_llm', async () => {
    const engine = createQueryEngine(context);
    const result = engine.execute(await engine.parse('number of women over 70 by drug'));
    expect(result.kind).toBe('group_count');
    if (result.kind === 'group_count') expect(result.groups.map((g) => g.value)).toContain('atorvastatin');
  });

  it('parses and runs an average @real_llm', async () => {
    const engine = createQueryEngine(context);
    const result = engine.execute(await engine.parse('average t-score of women with osteoporosis'));
    expect(result.kind).toBe('describe');
    if (result.kind === 'describe' && result.summary.kind === 'numeric')
      expect(result.summary.max).toBeLessThanOrEqual(-2.5);
  });

  it('explains a question it cannot answer @real_llm', async () => {
    const outcome = await createQueryEngine(context).ask('what is the weather tomorrow?');
    expect(outcome).toMatchObject({ kind: 'failed', error: { code: 'UNSUPPORTED_QUESTION' } });
    if (outcome.kind === 'failed') expect(outcome.message.length).toBeGreaterThan(0);
  });

  it('records parsed questions in the learning store @real_llm', async () => {
    // Shared folder, shared file: other tests and workers append to it too.
    const learning = new QueryLearningStore(LEARNING_DIR);
    const question = `how many smokers over 60? (engine test ${process.pid})`;
    await createQueryEngine(context, { learning }).parse(question);
    expect(learning.read().examples.map((e) => e.question)).toContain(question);
  });

  it('writes an audit trail of its LLM calls @real_llm', async () => {
    const audit = new AuditLog(TEST_LOG_DIR, 'engine.log');
    const question = `how many women over 80? (audit ${process.pid} ${Date.now()})`;
    await new QueryEngine({ context, audit, llm: { timeoutMs: 30_000 } }).parse(question);
    const mine = audit.read().filter((r) => r.question === question);
    expect(mine.map((r) => r.event)).toEqual(['question', 'llm_call', 'llm_call']);
    expect(mine[1]?.detail).toMatchObject({ feature: 'PARSE', error: null });
    expect(fs.existsSync(audit.file)).toBe(true);
  });

  itWithStandin('falls back to built-in messages when the LLM is down', async () => {
    const engine = new QueryEngine({ context, llm: { model: faultyModel('down') } });
    const outcome = await engine.ask('how many patients over 65?');
    expect(outcome).toMatchObject({ kind: 'failed', error: { code: 'LLM_FAILED' } });
    if (outcome.kind === 'failed') expect(outcome.message).toContain('cannot reach the LLM server');
  });

  itWithStandin('reports a timeout as an LLM failure @real_llm', async () => {
    const engine = new QueryEngine({ context, llm: { model: faultyModel('slow'), timeoutMs: 500 } });
    await expect(engine.parse('how many patients over 65?')).rejects.toMatchObject({ code: 'LLM_FAILED' });
  });
});
