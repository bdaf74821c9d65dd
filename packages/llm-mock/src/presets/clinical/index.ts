import type { LlmDefaults, LlmPrompt } from '../../types';
import { errorTranslationAnswer, followupsAnswer, interpretationAnswer } from './answers';
import { extractFilters } from './filters';
import { parseAnswer } from './parse';
import type { ClinicalFeature, ClinicalPayloads } from './types';

/**
 * Realistic default answers for the five clinical-analytics features, built by simple rules from the
 * user message (`Question: …`, `Parsed query: {…}`, `Result: {…}`, `Error code: …`). Each answer
 * matches the example app's payload schemas (checked by this package's contract tests).
 * @example const mock = createLlmMock({ defaults: clinicalDefaults, schemas: payloadSchemas });
 */
export const clinicalDefaults: LlmDefaults<ClinicalPayloads> = {
  PARSE: ({ user }) => parseAnswer(user),
  FILTER_EXTRACTION: ({ user }) => extractFilters(user),
  FOLLOWUPS: ({ user }) => followupsAnswer(user),
  RESULT_INTERPRETATION: ({ user }) => interpretationAnswer(user),
  ERROR_TRANSLATION: ({ user }) => errorTranslationAnswer(user),
};

type PromptText = Pick<LlmPrompt, 'system' | 'user'>;
const system = (feature: ClinicalFeature) =>
  `Task: ${feature}. You help clinicians query a clinical research database. Answer with one JSON object only.`;
const prompts = (feature: ClinicalFeature, users: string[]): PromptText[] =>
  users.map((user) => ({ system: system(feature), user }));

/** Representative prompts per feature, in the example app's message format, for {@link checkContract}. */
export const clinicalPrompts: Record<ClinicalFeature, PromptText[]> = {
  PARSE: prompts('PARSE', [
    'Question: How many women over 65 take a statin?',
    'Question: Number of patients by region',
    'Question: Average T-score of patients with a DEXA scan',
    'Question: hello',
  ]),
  FILTER_EXTRACTION: prompts('FILTER_EXTRACTION', [
    'Question: How many women over 65 take atorvastatin?\nCurrent filters: []',
    'Question: men between 50 and 70 with a BMI over 30 who are smokers\nCurrent filters: []',
    'Question: osteoporosis at the hip or spine in patients 80 or older, regardless of sex\nCurrent filters: []',
    'Question: patients with LDL above 3.5 taking simvastatin or rosuvastatin\nCurrent filters: []',
  ]),
  FOLLOWUPS: prompts('FOLLOWUPS', [
    'Question: How many patients?\nParsed query: {"intent":"count","datasets":[],"groupBy":null,"measure":null,"filters":[]}',
    'Question: Women over 65 on statins by region\nParsed query: {"intent":"group_count","datasets":["statin","dexa"],"groupBy":"region","measure":null,"filters":[{"field":"sex","op":"eq","value":"F"},{"field":"age","op":"gt","value":65}]}',
  ]),
  RESULT_INTERPRETATION: prompts('RESULT_INTERPRETATION', [
    'Question: How many women?\nResult: {"kind":"count","cohortSize":5120,"populationSize":10000}',
    'Question: By region\nResult: {"kind":"group_count","cohortSize":300,"field":"region","groups":[{"value":"North","count":120}]}',
    'Question: By region\nResult: {"kind":"group_count","cohortSize":0,"field":"region","groups":[]}',
    'Question: Average age\nResult: {"kind":"describe","field":"age","cohortSize":50,"summary":{"kind":"numeric","count":50,"mean":61.234,"median":60}}',
    'Question: ?\nResult: not json',
  ]),
  ERROR_TRANSLATION: prompts('ERROR_TRANSLATION', [
    'Question: average shoe size\nError code: UNKNOWN_FIELD\nError: no field shoe_size',
    'Question: make it shorter\nError code: NO_PREVIOUS_QUERY\nError: nothing to refine',
    'Question: x\nError code: DISK_FULL\nError: ENOSPC: no space left on device',
  ]),
};
