import type { ClinicalFilter, ClinicalFilterOp, ClinicalPayloads } from './types';
import { questionOf } from './types';

const STATINS: Readonly<Record<string, string>> = {
  atorvastatin: 'atorvastatin',
  lipitor: 'atorvastatin',
  simvastatin: 'simvastatin',
  zocor: 'simvastatin',
  rosuvastatin: 'rosuvastatin',
  crestor: 'rosuvastatin',
  pravastatin: 'pravastatin',
};

const SITES: readonly (readonly [RegExp, string])[] = [
  [/\blumbar\b|\bspine\b/, 'Lumbar spine'],
  [/\bfemoral neck\b/, 'Femoral neck'],
  [/\bhips?\b/, 'Total hip'],
];

const REMOVABLE: Readonly<Record<string, string>> = {
  age: 'age',
  sex: 'sex',
  gender: 'sex',
  drug: 'drug',
  site: 'site',
  smoking: 'smoker',
};

const OVER = 'over|above|older than|more than|greater than';
const UNDER = 'under|below|younger than|less than';
/** After an age: not a decimal or a unit ("LDL above 3.5", "over 40 mg" are no ages). */
const NOT_A_UNIT = '(?!\\.\\d|\\s*(?:mg|%|kg|mmol))';

/**
 * FILTER_EXTRACTION by simple rules: BMI and ages ("over 65", "under 40", "between 50 and 70",
 * "65 or older"), sex ("women"/"men"), named statins, DEXA sites and osteoporosis, smoking; and
 * fields to drop ("regardless of sex", "both sexes").
 */
export function extractFilters(user: string): ClinicalPayloads['FILTER_EXTRACTION'] {
  let text = ` ${questionOf(user)
    .toLowerCase()
    .replace(/[?!,;]/g, ' ')} `;
  const filters: ClinicalFilter[] = [];
  const add = (field: string, op: ClinicalFilterOp, value: ClinicalFilter['value']) => {
    if (!filters.some((f) => f.field === field && f.op === op)) filters.push({ field, op, value });
  };
  const removeFields = removals(text);

  // BMI first, and blanked out, so that "BMI over 30" is not read as an age.
  text = text.replace(
    new RegExp(`\\bbmi\\s+(?:of\\s+)?(${OVER}|${UNDER})\\s+(\\d+(?:\\.\\d+)?)`, 'g'),
    (_m, word: string, n: string) => {
      add('bmi', new RegExp(`^(?:${OVER})$`).test(word) ? 'gt' : 'lt', Number(n));
      return ' ';
    },
  );
  if (/\bobes(?:e|ity)\b/.test(text)) add('bmi', 'gte', 30);

  let m: RegExpExecArray | null;
  if ((m = /\bbetween\s+(\d{1,3})\s+and\s+(\d{1,3})\b/.exec(text))) {
    add('age', 'gte', Number(m[1]));
    add('age', 'lte', Number(m[2]));
  }
  if ((m = new RegExp(`\\b(?:${OVER})\\s+(?:the age of\\s+)?(\\d{1,3})\\b${NOT_A_UNIT}`).exec(text)))
    add('age', 'gt', Number(m[1]));
  if ((m = new RegExp(`\\b(?:${UNDER})\\s+(?:the age of\\s+)?(\\d{1,3})\\b${NOT_A_UNIT}`).exec(text)))
    add('age', 'lt', Number(m[1]));
  if ((m = /\b(\d{1,3})\s*(?:\+|or older|and older|and over)/.exec(text))) add('age', 'gte', Number(m[1]));
  if (/\belderly\b/.test(text)) add('age', 'gte', 65);

  const female = /\b(?:women|woman|females?)\b/.test(text);
  const male = /\b(?:men|man|males?)\b/.test(text);
  if (female !== male) add('sex', 'eq', female ? 'F' : 'M');

  const drugs = [
    ...new Set(
      Object.keys(STATINS)
        .filter((n) => text.includes(n))
        .map((n) => STATINS[n] as string),
    ),
  ];
  if (drugs.length === 1) add('drug', 'eq', drugs[0] as string);
  else if (drugs.length > 1) add('drug', 'in', drugs);

  const sites = SITES.filter(([pattern]) => pattern.test(text)).map(([, site]) => site);
  if (sites.length === 1) add('site', 'eq', sites[0] as string);
  else if (sites.length > 1) add('site', 'in', sites);
  if (/\bosteoporo(?:sis|tic)\b/.test(text)) add('t_score', 'lte', -2.5);

  if (/\bnon-?smokers?\b|\bnever smoked\b/.test(text)) add('smoker', 'eq', false);
  else if (/\bsmokers?\b/.test(text)) add('smoker', 'eq', true);

  return { filters: filters.filter((f) => !removeFields.includes(f.field)), removeFields };
}

function removals(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(
    /\b(?:regardless of|any|irrespective of|drop the|remove the|without the)\s+(age|sex|gender|drug|site|smoking)\b/g,
  )) {
    found.add(REMOVABLE[m[1] ?? ''] ?? '');
  }
  if (/\bboth sexes\b|\bmen and women\b|\bwomen and men\b/.test(text)) found.add('sex');
  return [...found];
}
