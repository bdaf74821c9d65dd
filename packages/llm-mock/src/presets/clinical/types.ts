/**
 * Payload shapes of the clinical-analytics example's five LLM features (`src/llm/features.ts` there).
 * Kept as a copy, not an import: a package cannot depend on an example app. The contract check
 * (`checkContract` against the app's own schemas) is what catches the two drifting apart.
 */

/** The features a clinical question goes through. */
export type ClinicalFeature =
  | 'PARSE'
  | 'FILTER_EXTRACTION'
  | 'FOLLOWUPS'
  | 'RESULT_INTERPRETATION'
  | 'ERROR_TRANSLATION';

export const CLINICAL_FEATURES: readonly ClinicalFeature[] = [
  'PARSE',
  'FILTER_EXTRACTION',
  'FOLLOWUPS',
  'RESULT_INTERPRETATION',
  'ERROR_TRANSLATION',
];

export type ClinicalFilterOp = 'eq' | 'neq' | 'gt' | 'gte' | 'lt' | 'lte' | 'in';

/** One condition: `{ field: 'age', op: 'gt', value: 65 }`. */
export interface ClinicalFilter {
  field: string;
  op: ClinicalFilterOp;
  value: string | number | boolean | (string | number)[];
}

/** The payload of each clinical feature. */
export interface ClinicalPayloads {
  PARSE: {
    intent: 'count' | 'group_count' | 'describe' | 'unknown';
    datasets: string[];
    groupBy: string | null;
    measure: string | null;
  };
  FILTER_EXTRACTION: { filters: ClinicalFilter[]; removeFields: string[] };
  FOLLOWUPS: { followups: string[] };
  RESULT_INTERPRETATION: { summary: string };
  ERROR_TRANSLATION: { message: string; suggestion: string };
}

/** A labelled line of a user message (`Question: …`, `Result: {…}`), or null. */
export function labelled(user: string, label: string): string | null {
  const match = new RegExp(`^${label}:[ \\t]*(.*)$`, 'm').exec(user);
  return match ? (match[1] ?? '').trim() : null;
}

/** The question of a user message: its `Question:` line, else the whole message. */
export function questionOf(user: string): string {
  return labelled(user, 'Question') ?? user;
}

/** The JSON object on a labelled line, or `{}`. */
export function jsonLine(user: string, label: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(labelled(user, label) ?? 'null');
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}
