import { AppError, isAppError } from '../errors';
import type { QueryLearningStore } from '../learning/QueryLearningStore';
import * as llm from '../llm/callLlm';
import type { FilterExtractionPayload, LlmFeature, PayloadByFeature } from '../llm/features';
import type { AuditLog } from '../logging/AuditLog';
import type { DataContext } from './dataContext';
import { executeQuery, type QueryResult } from './executeQuery';
import { mergeFilters } from './mergeFilters';
import * as prompts from './prompts';
import type { Filter, ParsedQuery } from './types';

export interface QueryEngineOptions {
  context: DataContext;
  /** Passed to every LLM call (timeout, model, host). */
  llm?: llm.LlmCallOptions;
  /** Where successfully parsed questions are recorded, if anywhere. */
  learning?: QueryLearningStore;
  /** Where questions and LLM calls are audited, if anywhere. */
  audit?: AuditLog;
}

/** A question answered, or why it could not be, explained for a clinician. */
export type AskOutcome =
  | { kind: 'answered'; query: ParsedQuery; result: QueryResult; summary: string; followups: string[] }
  | { kind: 'failed'; error: AppError; message: string; suggestion: string };

/**
 * Turns clinicians' questions into queries with the help of an LLM, runs them, and explains
 * the results. Remembers the last parsed query so "now only women" refines it.
 */
export class QueryEngine {
  private previous: ParsedQuery | null = null;

  constructor(private readonly options: QueryEngineOptions) {}

  /** The query the next {@link refine} builds on, if any. */
  get previousQuery(): ParsedQuery | null {
    return this.previous;
  }

  /** Forgets the previous query. */
  reset(): void {
    this.previous = null;
  }

  /**
   * Parses a fresh question (PARSE, then FILTER_EXTRACTION) and makes it the previous query.
   * @throws {AppError} LLM_FAILED when a call fails; UNKNOWN_FIELD / DATASET_NOT_FOUND when the
   *   model names something the data does not have.
   */
  async parse(question: string): Promise<ParsedQuery> {
    this.audit('question', question);
    const parsed = await this.call('PARSE', question, prompts.parseMessage(question));
    const extracted = await this.extractFilters(question);
    const query: ParsedQuery = { question, ...parsed, filters: extracted.filters };
    this.check(query);
    this.previous = query;
    this.options.learning?.record(query);
    return query;
  }

  /**
   * Refines the previous query with a follow-up ("now only women", "over 70 instead"): its
   * filters are merged into the previous ones (see {@link mergeFilters}).
   * @throws {AppError} NO_PREVIOUS_QUERY when nothing was asked before; as {@link parse} otherwise.
   */
  async refine(text: string): Promise<ParsedQuery> {
    const previous = this.previous;
    if (!previous) {
      throw new AppError('NO_PREVIOUS_QUERY', `Cannot refine with "${text}": no question was asked before`, {
        fix: 'ask a full question first, e.g. "how many patients over 65?"',
      });
    }
    this.audit('question', text);
    const extracted = await this.extractFilters(text, previous.filters);
    const query: ParsedQuery = {
      ...previous,
      question: `${previous.question} | ${text}`,
      filters: mergeFilters(previous.filters, extracted.filters, extracted.removeFields),
    };
    this.check(query);
    this.previous = query;
    return query;
  }

  /**
   * The conditions in `text` (one FILTER_EXTRACTION call); `current` tells the model which
   * filters a refinement builds on.
   * @throws {AppError} LLM_FAILED when the call fails.
   */
  async extractFilters(text: string, current: readonly Filter[] = []): Promise<FilterExtractionPayload> {
    return this.call('FILTER_EXTRACTION', text, prompts.filterMessage(text, current));
  }

  /** Runs a query against the loaded data (no LLM). */
  execute(query: ParsedQuery): QueryResult {
    return executeQuery(query, this.options.context);
  }

  /** One sentence about a result; a plain built-in sentence when the LLM fails. */
  async interpret(question: string, result: QueryResult): Promise<string> {
    try {
      return (await this.call('RESULT_INTERPRETATION', question, prompts.interpretationMessage(question, result)))
        .summary;
    } catch (error) {
      if (!isAppError(error, 'LLM_FAILED')) throw error;
      return fallbackSummary(result);
    }
  }

  /** Follow-up questions to offer; none when the LLM fails. */
  async suggestFollowups(query: ParsedQuery): Promise<string[]> {
    try {
      return (await this.call('FOLLOWUPS', query.question, prompts.followupsMessage(query))).followups;
    } catch (error) {
      if (!isAppError(error, 'LLM_FAILED')) throw error;
      return [];
    }
  }

  /** Explains an error for a clinician; falls back to the error's own text when the LLM fails. */
  async translateError(question: string, error: AppError): Promise<{ message: string; suggestion: string }> {
    try {
      return await this.call('ERROR_TRANSLATION', question, prompts.errorMessage(question, error.code, error.message));
    } catch (failure) {
      if (!isAppError(failure, 'LLM_FAILED')) throw failure;
      return {
        message: error.message.split('\n')[0] ?? error.message,
        suggestion: error.fix ?? 'Rephrase the question.',
      };
    }
  }

  /** Parses, runs, explains and suggests follow-ups; app errors come back as `failed`. */
  async ask(question: string): Promise<AskOutcome> {
    return this.answer(question, () => this.parse(question), true);
  }

  /** Like {@link ask}, for a refinement of the previous question. */
  async askRefinement(text: string): Promise<AskOutcome> {
    return this.answer(text, () => this.refine(text), false);
  }

  private async answer(
    question: string,
    toQuery: () => Promise<ParsedQuery>,
    withFollowups: boolean,
  ): Promise<AskOutcome> {
    try {
      const query = await toQuery();
      const result = this.execute(query);
      const summary = await this.interpret(query.question, result);
      const followups = withFollowups ? await this.suggestFollowups(query) : [];
      this.audit('answer', question, { cohortSize: result.cohortSize });
      return { kind: 'answered', query, result, summary, followups };
    } catch (error) {
      if (!isAppError(error)) throw error;
      this.audit('failure', question, { code: error.code });
      return { kind: 'failed', error, ...(await this.translateError(question, error)) };
    }
  }

  /** Rejects fields and datasets the data does not have, before anything runs. */
  private check(query: ParsedQuery): void {
    const { context } = this.options;
    for (const name of query.datasets) context.dataset(name);
    const fields = [...query.filters.map((f) => f.field), query.groupBy, query.measure];
    for (const field of fields) if (field !== null) context.field(field);
  }

  private async call<F extends LlmFeature>(feature: F, question: string, user: string): Promise<PayloadByFeature[F]> {
    const { context } = this.options;
    const system = prompts.systemPrompt(feature, context.fields(), context.names());
    const result = await llm.callLlm(feature, system, user, this.options.llm);
    this.audit('llm_call', question, {
      feature,
      latencyMs: Math.round(result.latencyMs),
      error: result.error?.code ?? null,
    });
    if (result.error || result.payload === null) {
      const detail = result.error ?? { code: 'LLM_MALFORMED_RESPONSE', message: `${feature}: no payload` };
      throw new AppError('LLM_FAILED', detail.message, { cause: detail });
    }
    return result.payload;
  }

  private audit(
    event: 'question' | 'llm_call' | 'answer' | 'failure',
    question: string,
    detail?: Record<string, string | number | boolean | null>,
  ): void {
    this.options.audit?.write(detail ? { event, question, detail } : { event, question });
  }
}

/** A sentence built from the numbers alone, for when the LLM cannot phrase one. */
export function fallbackSummary(result: QueryResult): string {
  switch (result.kind) {
    case 'count':
      return `${result.cohortSize} of ${result.populationSize} patients match.`;
    case 'group_count': {
      const top = result.groups[0];
      return top
        ? `${result.cohortSize} patients match; the largest ${result.field} group is ${String(top.value)} (${top.count}).`
        : `No patients match, so there are no ${result.field} groups.`;
    }
    case 'describe':
      return result.summary.kind === 'numeric' && result.summary.mean !== null
        ? `Mean ${result.field} is ${result.summary.mean.toFixed(2)} over ${result.summary.count} values.`
        : `No ${result.field} values for the ${result.cohortSize} matching patients.`;
  }
}
