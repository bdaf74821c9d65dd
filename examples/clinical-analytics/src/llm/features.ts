import type { Filter, QueryIntent } from '../query/types';

/** The jobs the app gives the LLM; each has its own prompt and answer schema. */
export type LlmFeature = 'PARSE' | 'FILTER_EXTRACTION' | 'FOLLOWUPS' | 'RESULT_INTERPRETATION' | 'ERROR_TRANSLATION';

export const LLM_FEATURES: readonly LlmFeature[] = [
  'PARSE',
  'FILTER_EXTRACTION',
  'FOLLOWUPS',
  'RESULT_INTERPRETATION',
  'ERROR_TRANSLATION',
];

/** Answer of `PARSE`: what the question asks for. */
export interface ParsePayload {
  intent: QueryIntent;
  datasets: string[];
  groupBy: string | null;
  measure: string | null;
}

/** Answer of `FILTER_EXTRACTION`: conditions in the question, and fields it says to drop. */
export interface FilterExtractionPayload {
  filters: Filter[];
  removeFields: string[];
}

/** Answer of `FOLLOWUPS`: questions the user might ask next. */
export interface FollowupsPayload {
  followups: string[];
}

/** Answer of `RESULT_INTERPRETATION`: one plain-language sentence about a result. */
export interface ResultInterpretationPayload {
  summary: string;
}

/** Answer of `ERROR_TRANSLATION`: an error explained to a clinician, with what to try. */
export interface ErrorTranslationPayload {
  message: string;
  suggestion: string;
}

/** The payload type of each feature. */
export interface PayloadByFeature {
  PARSE: ParsePayload;
  FILTER_EXTRACTION: FilterExtractionPayload;
  FOLLOWUPS: FollowupsPayload;
  RESULT_INTERPRETATION: ResultInterpretationPayload;
  ERROR_TRANSLATION: ErrorTranslationPayload;
}
