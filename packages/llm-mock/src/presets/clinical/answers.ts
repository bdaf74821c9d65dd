import type { ClinicalPayloads } from './types';
import { jsonLine, labelled } from './types';

/** FOLLOWUPS: two or three questions about what the parsed query (`Parsed query: {…}`) does not cover yet. */
export function followupsAnswer(user: string): ClinicalPayloads['FOLLOWUPS'] {
  const query = jsonLine(user, 'Parsed query');
  const fields = Array.isArray(query.filters) ? query.filters.map((f) => String((f as { field?: unknown }).field)) : [];
  const datasets = Array.isArray(query.datasets) ? query.datasets.map(String) : [];
  const ideas: [boolean, string][] = [
    [!fields.includes('sex'), 'How many of them are women?'],
    [!fields.includes('age'), 'Only patients over 65?'],
    [!query.groupBy, 'Break this down by region.'],
    [!datasets.includes('statin') && !fields.includes('drug'), 'How many of them take a statin?'],
    [!datasets.includes('dexa'), 'How many of them had a DEXA scan?'],
  ];
  const followups = ideas.filter(([applies]) => applies).map(([, idea]) => idea);
  // Always two or three, as a model asked for "up to three" tends to give.
  for (const extra of ['Compare men and women.', 'Show the same for the previous year.'])
    if (followups.length < 2) followups.push(extra);
  return { followups: followups.slice(0, 3) };
}

const number = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const format = (value: number) => value.toLocaleString('en-US');

/** RESULT_INTERPRETATION: one sentence carrying the result's key numbers (`Result: {…}`). */
export function interpretationAnswer(user: string): ClinicalPayloads['RESULT_INTERPRETATION'] {
  const result = jsonLine(user, 'Result');
  const cohort = number(result.cohortSize);
  if (result.kind === 'count' && cohort !== null) {
    const population = number(result.populationSize);
    if (population === null || population === 0) return { summary: `${format(cohort)} patients match the question.` };
    return {
      summary: `${format(cohort)} of ${format(population)} patients (${((100 * cohort) / population).toFixed(1)}%) match the question.`,
    };
  }
  if (result.kind === 'group_count' && cohort !== null) {
    const top = Array.isArray(result.groups)
      ? (result.groups[0] as { value?: unknown; count?: unknown } | undefined)
      : undefined;
    if (!top) return { summary: 'No patients match, so there is nothing to break down.' };
    return {
      summary: `${format(cohort)} patients match; by ${String(result.field)}, the largest group is ${String(top.value)} with ${String(top.count)}.`,
    };
  }
  if (result.kind === 'describe') {
    const stats = (result.summary ?? {}) as { mean?: unknown; count?: unknown; median?: unknown };
    const mean = number(stats.mean);
    if (mean !== null)
      return {
        summary: `Across ${String(stats.count)} ${String(result.field)} values the mean is ${mean.toFixed(2)} (median ${String(stats.median)}).`,
      };
  }
  return { summary: 'The result could not be summarised.' };
}

const TRANSLATIONS: Readonly<Record<string, ClinicalPayloads['ERROR_TRANSLATION']>> = {
  UNKNOWN_FIELD: {
    message: 'The question mentions something the data does not record.',
    suggestion: 'Ask about age, sex, region, BMI, smoking, statins, DEXA scans, lab results or clinic visits.',
  },
  UNSUPPORTED_QUESTION: {
    message: 'This is not a count, breakdown or average the tool can work out.',
    suggestion: 'Try "How many women over 65 take a statin?" or "Average T-score by site".',
  },
  NO_PREVIOUS_QUERY: {
    message: 'There is no earlier question to refine.',
    suggestion: 'Ask a complete question first.',
  },
  LLM_FAILED: {
    message: 'The assistant could not read the question in time.',
    suggestion: 'Try again, or ask a shorter question.',
  },
};

/** ERROR_TRANSLATION: a clinician-facing message and a hint for the `Error code:` line. */
export function errorTranslationAnswer(user: string): ClinicalPayloads['ERROR_TRANSLATION'] {
  const code = labelled(user, 'Error code') ?? '';
  const known = TRANSLATIONS[code];
  if (known) return { ...known };
  const detail = (labelled(user, 'Error') ?? '').split('\n')[0] || code || 'an unexpected problem';
  return { message: `Something went wrong: ${detail}`, suggestion: 'Rephrase the question, or ask a simpler one.' };
}
