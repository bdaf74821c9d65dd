import type { ParsePayload } from '../llm/features';
import { extractFilters } from './extractFilters';

const DATASET_WORDS: readonly (readonly [string, RegExp])[] = [
  ['statin', /\bstatins?\b|\b(?:atorva|simva|rosuva|prava)statin\b|\b(?:lipitor|zocor|crestor|pravachol)\b|\bprescri/],
  [
    'dexa',
    /\bdexa\b|\bdxa\b|\bbone[- ](?:mineral )?density\b|\bscan(?:s|ned)?\b|\bt[- ]?scores?\b|\bz[- ]?scores?\b|\bbmd\b/,
  ],
  [
    'labs',
    /\blabs?\b|\blaboratory\b|\bldl\b|\bhdl\b|\bhba1c\b|\bvit(?:amin)?\.? d\b|\bcalcium\b|\bcholesterol\b|\bdiabet|\btest results?\b/,
  ],
  ['visits', /\bvisits?\b|\bclinics?\b|\bcardiology\b|\brheumatology\b|\bendocrinology\b/],
];

const GROUP_FIELDS: Readonly<Record<string, string>> = {
  sex: 'sex',
  gender: 'sex',
  region: 'region',
  regions: 'region',
  drug: 'drug',
  drugs: 'drug',
  statin: 'drug',
  statins: 'drug',
  site: 'site',
  sites: 'site',
  'scan site': 'site',
  clinic: 'clinic',
  clinics: 'clinic',
  test: 'test_code',
  tests: 'test_code',
  'smoking status': 'smoker',
  'smoker status': 'smoker',
  units: 'units',
};

const MEASURE_FIELDS: readonly (readonly [RegExp, string])[] = [
  [/^age$/, 'age'],
  [/^bmi$/, 'bmi'],
  [/^t[- ]?score$/, 't_score'],
  [/^z[- ]?score$/, 'z_score'],
  [/^(?:bmd|bone density)$/, 'bmd'],
  [/^doses?$/, 'dose_mg'],
  [/^(?:ldl|hdl|hba1c|vitamin d|calcium)$/, 'result_value'],
  [/^(?:visit length|minutes|duration)$/, 'duration_min'],
];

/** Rule-based PARSE for the LLM stand-in: intent, required datasets, group-by field, measure. */
export function parseQuestion(question: string): ParsePayload {
  const text = question.toLowerCase();
  const datasets = DATASET_WORDS.filter(([, p]) => p.test(text)).map(([name]) => name);

  const group =
    /\b(?:by|per|for each|broken down by|split by|grouped by|across)\s+(?:the\s+)?(scan site|smoking status|smoker status|sex|gender|regions?|drugs?|statins?|sites?|clinics?|tests?|units)\b/.exec(
      text,
    );
  const groupBy = group ? (GROUP_FIELDS[group[1] ?? ''] ?? null) : null;

  const measureMatch =
    /\b(?:average|mean|median|typical|distribution of|describe|summari[sz]e|spread of|range of)\s+(?:the\s+)?(?:patients'?\s+)?(age|bmi|t[- ]?score|z[- ]?score|bmd|bone density|doses?|ldl|hdl|hba1c|vitamin d|calcium|visit length|minutes|duration)\b/.exec(
      text,
    );
  const measure = measureMatch ? (MEASURE_FIELDS.find(([p]) => p.test(measureMatch[1] ?? ''))?.[1] ?? null) : null;

  const asksCount =
    /\bhow many\b|\bcount\b|\bnumber of\b|\btotal\b|\bproportion\b|\bpercentage\b|\bwhich patients\b/.test(text);
  const hasFilters = extractFilters(question).filters.length > 0;
  const intent = measure
    ? 'describe'
    : groupBy
      ? 'group_count'
      : asksCount || hasFilters || datasets.length > 0
        ? 'count'
        : 'unknown';
  return { intent, datasets, groupBy, measure };
}
