import type { LlmFeature, PayloadByFeature } from '../llm/features';
import { LLM_FEATURES } from '../llm/features';
import { extractFilters } from './extractFilters';
import { parseQuestion } from './parseQuestion';

/** The feature a system prompt asks for: its `Task: <FEATURE>` line, else the first feature named. */
export function detectFeature(system: string): LlmFeature | null {
  const tagged = /\bTask:\s*([A-Z_]+)/.exec(system)?.[1];
  if (tagged && (LLM_FEATURES as readonly string[]).includes(tagged)) return tagged as LlmFeature;
  return LLM_FEATURES.find((f) => new RegExp(`\\b${f}\\b`).test(system)) ?? null;
}

/** A labelled line of the user message ("Question: ...", "Result: {...}"). */
export function field(user: string, label: string): string | null {
  const match = new RegExp(`^${label}:\\s*(.*)$`, 'm').exec(user);
  return match ? (match[1] ?? '').trim() : null;
}

function json(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** The stand-in's answer for one feature, built by rules from the user message. */
export function answerFor<F extends LlmFeature>(feature: F, user: string): PayloadByFeature[F] {
  const question = field(user, 'Question') ?? user;
  const answers: { [K in LlmFeature]: () => PayloadByFeature[K] } = {
    PARSE: () => parseQuestion(question),
    FILTER_EXTRACTION: () => extractFilters(question),
    FOLLOWUPS: () => ({ followups: followups(record(json(field(user, 'Parsed query')))) }),
    RESULT_INTERPRETATION: () => ({ summary: interpret(record(json(field(user, 'Result')))) }),
    ERROR_TRANSLATION: () => translate(field(user, 'Error code') ?? '', field(user, 'Error') ?? ''),
  };
  return answers[feature]() as PayloadByFeature[F];
}

function followups(parsed: Record<string, unknown>): string[] {
  const filters = Array.isArray(parsed.filters) ? parsed.filters.map((f) => String(record(f).field)) : [];
  const datasets = Array.isArray(parsed.datasets) ? parsed.datasets.map(String) : [];
  const ideas: [boolean, string][] = [
    [!filters.includes('sex'), 'How many of them are women?'],
    [parsed.groupBy === null || parsed.groupBy === undefined, 'Break this down by region.'],
    [!filters.includes('age'), 'Only patients over 65?'],
    [!datasets.includes('statin') && !filters.includes('drug'), 'How many of them take a statin?'],
    [!datasets.includes('dexa'), 'How many of them had a DEXA scan?'],
    [true, 'Compare men and women.'],
  ];
  return ideas
    .filter(([applies]) => applies)
    .map(([, idea]) => idea)
    .slice(0, 3);
}

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function interpret(result: Record<string, unknown>): string {
  const cohort = num(result.cohortSize);
  switch (result.kind) {
    case 'count': {
      const population = num(result.populationSize);
      if (cohort === null || population === null) break;
      const pct = population > 0 ? ((100 * cohort) / population).toFixed(1) : '0.0';
      return `${cohort.toLocaleString('en-US')} of ${population.toLocaleString('en-US')} patients (${pct}%) match the question.`;
    }
    case 'group_count': {
      const groups = Array.isArray(result.groups) ? result.groups.map(record) : [];
      const top = groups[0];
      if (cohort === null) break;
      if (!top) return 'No patients match, so there is nothing to break down.';
      return `${cohort.toLocaleString('en-US')} patients match; by ${String(result.field)}, the largest group is ${String(top.value)} with ${String(top.count)}.`;
    }
    case 'describe': {
      const s = record(result.summary);
      const mean = num(s.mean);
      if (mean === null) return `There are no ${String(result.field)} values for the matching patients.`;
      return `Across ${String(s.count)} ${String(result.field)} values the mean is ${mean.toFixed(2)} (median ${String(s.median)}, range ${String(s.min)} to ${String(s.max)}).`;
    }
  }
  return 'The result could not be summarised.';
}

function translate(code: string, message: string): PayloadByFeature['ERROR_TRANSLATION'] {
  switch (code) {
    case 'UNKNOWN_FIELD':
      return {
        message: 'The question mentions something the data does not record.',
        suggestion: 'Ask about age, sex, region, BMI, smoking, statins, DEXA scans, lab results or clinic visits.',
      };
    case 'UNSUPPORTED_QUESTION':
      return {
        message: 'This is not a count, breakdown or average the tool can work out.',
        suggestion: 'Try "How many women over 65 take a statin?" or "Average T-score by site".',
      };
    case 'NO_PREVIOUS_QUERY':
      return { message: 'There is no earlier question to refine.', suggestion: 'Ask a complete question first.' };
    case 'LLM_FAILED':
      return {
        message: 'The assistant could not read the question in time.',
        suggestion: 'Try again, or ask a shorter question.',
      };
    case 'INVALID_FILTER':
      return {
        message: 'One of the conditions does not fit the data it applies to.',
        suggestion: 'Check the numbers and units in the question.',
      };
    default:
      return {
        message: `Something went wrong: ${message.split('\n')[0] || code}`,
        suggestion: 'Rephrase the question.',
      };
  }
}
