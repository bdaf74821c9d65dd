import type { LlmFeature } from '../llm/features';
import type { FieldInfo } from './dataContext';
import type { Filter, ParsedQuery } from './types';

/**
 * System prompts, one per feature. Each names its feature on the first line: it tells a real
 * model which job it is doing, and it is how the LLM stand-in recognises the job.
 */
export function systemPrompt(feature: LlmFeature, fields: readonly FieldInfo[], datasets: readonly string[]): string {
  const catalog = fields.map((f) => `- ${f.field} (${f.kind}, dataset ${f.dataset})`).join('\n');
  const header = `Task: ${feature}. You help clinicians query a clinical research database. Answer with one JSON object only.`;
  switch (feature) {
    case 'PARSE':
      return `${header}
Classify the question. Reply {"intent": "count" | "group_count" | "describe" | "unknown",
"datasets": [names of datasets a patient must appear in], "groupBy": field or null, "measure": numeric field or null}.
Datasets: ${datasets.join(', ')}.
Fields:
${catalog}`;
    case 'FILTER_EXTRACTION':
      return `${header}
Extract the conditions in the question as filters. Reply {"filters": [{"field", "op": "eq"|"neq"|"gt"|"gte"|"lt"|"lte"|"in", "value"}],
"removeFields": [fields the user says to stop filtering on]}. Use only these fields:
${catalog}`;
    case 'FOLLOWUPS':
      return `${header}
Suggest up to three short follow-up questions the clinician might ask next. Reply {"followups": [questions]}.`;
    case 'RESULT_INTERPRETATION':
      return `${header}
Explain the result in one plain sentence for a clinician; do not invent numbers. Reply {"summary": sentence}.`;
    case 'ERROR_TRANSLATION':
      return `${header}
Explain the error to a clinician without jargon and say what to try. Reply {"message": text, "suggestion": text}.`;
  }
}

/** User message of PARSE. */
export function parseMessage(question: string): string {
  return `Question: ${question}`;
}

/** User message of FILTER_EXTRACTION; `current` gives the filters a refinement builds on. */
export function filterMessage(question: string, current: readonly Filter[] = []): string {
  return `Question: ${question}\nCurrent filters: ${JSON.stringify(current)}`;
}

/** User message of FOLLOWUPS. */
export function followupsMessage(query: ParsedQuery): string {
  const { question, ...rest } = query;
  return `Question: ${question}\nParsed query: ${JSON.stringify(rest)}`;
}

/** User message of RESULT_INTERPRETATION. */
export function interpretationMessage(question: string, result: unknown): string {
  return `Question: ${question}\nResult: ${JSON.stringify(result)}`;
}

/** User message of ERROR_TRANSLATION. */
export function errorMessage(question: string, code: string, message: string): string {
  return `Question: ${question}\nError code: ${code}\nError: ${message}`;
}
