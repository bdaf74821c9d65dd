import { extractFilters } from './filters';
import type { ClinicalPayloads } from './types';
import { questionOf } from './types';

const DATASETS: readonly (readonly [string, RegExp])[] = [
  ['statin', /\bstatins?\b|\b(?:atorva|simva|rosuva|prava)statin\b|\bprescri/],
  ['dexa', /\bdexa\b|\bdxa\b|\bbone (?:mineral )?density\b|\bscans?\b|\bt-?scores?\b/],
  ['labs', /\blabs?\b|\bldl\b|\bhdl\b|\bhba1c\b|\bcholesterol\b|\bvitamin d\b/],
  ['visits', /\bvisits?\b|\bclinics?\b/],
];

const GROUPS: Readonly<Record<string, string>> = {
  sex: 'sex',
  gender: 'sex',
  region: 'region',
  drug: 'drug',
  statin: 'drug',
  site: 'site',
  clinic: 'clinic',
  smoking: 'smoker',
};

const MEASURES: Readonly<Record<string, string>> = {
  age: 'age',
  bmi: 'bmi',
  't-score': 't_score',
  dose: 'dose_mg',
  bmd: 'bmd',
};

/**
 * PARSE by simple rules: `describe` for "average/mean/median <measure>", `group_count` for
 * "by <field>", `count` for "how many" or any condition, else `unknown`.
 */
export function parseAnswer(user: string): ClinicalPayloads['PARSE'] {
  const text = questionOf(user).toLowerCase();
  const datasets = DATASETS.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
  const group = /\b(?:by|per|across)\s+(sex|gender|region|drug|statin|site|clinic|smoking)s?\b/.exec(text);
  const groupBy = group ? (GROUPS[group[1] ?? ''] ?? null) : null;
  const measureMatch = /\b(?:average|mean|median|distribution of)\s+(age|bmi|t-?score|dose|bmd)\b/.exec(text);
  const measure = measureMatch ? (MEASURES[(measureMatch[1] ?? '').replace('tscore', 't-score')] ?? null) : null;
  const asksCount = /\bhow many\b|\bcount\b|\bnumber of\b|\bproportion\b/.test(text);
  const hasConditions = extractFilters(text).filters.length > 0;
  const intent = measure
    ? 'describe'
    : groupBy
      ? 'group_count'
      : asksCount || hasConditions || datasets.length > 0
        ? 'count'
        : 'unknown';
  return { intent, datasets, groupBy, measure };
}
