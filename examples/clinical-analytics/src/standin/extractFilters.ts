import type { Filter, FilterOp } from '../query/types';

/**
 * Rule-based filter extraction for the LLM stand-in: regexes for ages, sex, statins, DEXA
 * sites, T-score diagnoses, lab thresholds, BMI, smoking, region and clinic. Not a model;
 * just enough to answer the questions the example app and its tests ask, deterministically.
 */
export interface Extraction {
  filters: Filter[];
  removeFields: string[];
}

const COMPARATORS: readonly (readonly [RegExp, FilterOp])[] = [
  [/^(?:at least|no less than|>=|≥)$/, 'gte'],
  [/^(?:at most|no more than|<=|≤)$/, 'lte'],
  [/^(?:over|above|greater than|more than|higher than|older than|longer than|>)$/, 'gt'],
  [/^(?:under|below|less than|lower than|younger than|shorter than|<)$/, 'lt'],
];
const COMPARATOR =
  'at least|no less than|at most|no more than|over|above|greater than|more than|higher than|under|below|less than|lower than|>=|<=|≥|≤|>|<';
const NUMBER = '(-?\\d+(?:\\.\\d+)?)';

export const STATIN_NAMES: Readonly<Record<string, string>> = {
  atorvastatin: 'atorvastatin',
  lipitor: 'atorvastatin',
  simvastatin: 'simvastatin',
  zocor: 'simvastatin',
  rosuvastatin: 'rosuvastatin',
  crestor: 'rosuvastatin',
  pravastatin: 'pravastatin',
  pravachol: 'pravastatin',
};

const LABS: readonly (readonly [RegExp, string])[] = [
  [/\bldl\b/, 'LDL'],
  [/\bhdl\b/, 'HDL'],
  [/\bhba1c\b/, 'HBA1C'],
  [/\bvit(?:amin)?\.? d\b/, 'VITD'],
  [/\bcalcium\b/, 'CALCIUM'],
];

/** Numeric measures a comparison can apply to ("BMI over 30", "T-score below -2"). */
const MEASURES: readonly (readonly [string, string])[] = [
  ['\\bbmi\\b', 'bmi'],
  ['\\bt[- ]?scores?\\b', 't_score'],
  ['\\bz[- ]?scores?\\b', 'z_score'],
  ['\\bbmd\\b|\\bbone (?:mineral )?density\\b', 'bmd'],
  ['\\b(?:daily )?doses?\\b', 'dose_mg'],
  ['\\bvisit length\\b|\\bvisit duration\\b', 'duration_min'],
  ['\\bldl\\b|\\bhdl\\b|\\bhba1c\\b|\\bvit(?:amin)?\\.? d\\b|\\bcalcium\\b', 'result_value'],
];

function comparatorOp(word: string): FilterOp {
  const normalised = word.trim().replace(/\s+/g, ' ');
  for (const [pattern, op] of COMPARATORS) if (pattern.test(normalised)) return op;
  return 'eq';
}

/** Extracts filters (and fields to drop) from a question. */
export function extractFilters(question: string): Extraction {
  let text = ` ${question.toLowerCase().replace(/[?!,;]/g, ' ')} `;
  const filters: Filter[] = [];
  const add = (field: string, op: FilterOp, value: Filter['value']) => {
    if (!filters.some((f) => f.field === field && f.op === op)) filters.push({ field, op, value });
  };
  // Handles every match of a global pattern, then blanks the matches so later rules skip them.
  const consume = (pattern: RegExp, onMatch: (m: RegExpMatchArray) => void) => {
    for (const m of text.matchAll(pattern)) onMatch(m);
    text = text.replace(pattern, ' ');
  };

  const removeFields = extractRemovals(text);
  let labTest: string | null = null;
  const setLab = (test: string) => {
    if (labTest === null) {
      labTest = test;
      add('test_code', 'eq', test);
    }
  };
  const labIn = (phrase: string) => LABS.find(([p]) => p.test(phrase))?.[1];

  // 1. Measures compared with a number: "BMI over 30", "LDL above 3.5", "dose of at least 40 mg".
  for (const [measure, field] of MEASURES) {
    consume(
      new RegExp(
        `(${measure})\\s*(?:of |level |levels |score |is |was )?(?:${COMPARATOR.replace(/ /g, '\\s+')})?\\s*between\\s+${NUMBER}\\s+and\\s+${NUMBER}`,
        'g',
      ),
      (m) => {
        if (field === 'result_value') setLab(labIn(m[1] ?? '') ?? '');
        add(field, 'gte', Number(m[2]));
        add(field, 'lte', Number(m[3]));
      },
    );
    consume(
      new RegExp(
        `(${measure})\\s*(?:of |level |levels |score |is |was )?(${COMPARATOR})\\s*${NUMBER}\\s*(?:mg|mmol/l|kg/m2)?`,
        'g',
      ),
      (m) => {
        if (field === 'result_value') setLab(labIn(m[1] ?? '') ?? '');
        add(field, comparatorOp(m[2] ?? ''), Number(m[3]));
      },
    );
    consume(new RegExp(`(${COMPARATOR})\\s*${NUMBER}\\s*(?:mg|minutes?)?\\s*(${measure})`, 'g'), (m) => {
      if (field === 'result_value') setLab(labIn(m[3] ?? '') ?? '');
      add(field, comparatorOp(m[1] ?? ''), Number(m[2]));
    });
  }
  consume(new RegExp(`(${COMPARATOR}|longer than|shorter than)\\s*(\\d+)\\s*min(?:ute)?s?\\b`, 'g'), (m) =>
    add('duration_min', comparatorOp(m[1] ?? ''), Number(m[2])),
  );
  consume(new RegExp(`(${COMPARATOR})\\s*(\\d+)\\s*mg\\b`, 'g'), (m) =>
    add('dose_mg', comparatorOp(m[1] ?? ''), Number(m[2])),
  );
  consume(/(\d+)\s*mg\s+or\s+(more|higher|above|less|lower|below)/g, (m) =>
    add('dose_mg', /more|higher|above/.test(m[2] ?? '') ? 'gte' : 'lte', Number(m[1])),
  );

  // 2. Diagnoses that mean a threshold.
  if (!filters.some((f) => f.field === 't_score')) {
    if (/\bosteopo?ro(?:sis|tic)\b/.test(text)) add('t_score', 'lte', -2.5);
    else if (/\bosteopeni(?:a|c)\b/.test(text)) {
      add('t_score', 'gt', -2.5);
      add('t_score', 'lte', -1);
    }
  }
  if (labTest === null) {
    if (/\bhigh (?:ldl|cholesterol)\b|\bhypercholesterol/.test(text)) {
      setLab('LDL');
      add('result_value', 'gt', 4.1);
    } else if (/\bdiabet(?:es|ic)\b/.test(text)) {
      setLab('HBA1C');
      add('result_value', 'gte', 48);
    } else if (/\bvit(?:amin)?\.? d deficien/.test(text)) {
      setLab('VITD');
      add('result_value', 'lt', 30);
    } else {
      const mentioned = labIn(text);
      if (mentioned) setLab(mentioned);
    }
  }
  if (!filters.some((f) => f.field === 'bmi')) {
    if (/\bobes(?:e|ity)\b/.test(text)) add('bmi', 'gte', 30);
    else if (/\boverweight\b/.test(text)) add('bmi', 'gte', 25);
  }

  // 3. Ages; measures are consumed above, so a bare "over 65" here is an age.
  extractAges(text, add);

  // 4. Categories.
  const female = /\b(?:women|woman|females?|ladies|girls)\b/.test(text);
  const male = /\b(?:men|man|males?|gentlemen|boys)\b/.test(text);
  if (female !== male && !removeFields.includes('sex')) add('sex', 'eq', female ? 'F' : 'M');

  const drugs = [
    ...new Set(
      Object.entries(STATIN_NAMES)
        .filter(([n]) => new RegExp(`\\b${n}\\b`).test(text))
        .map(([, d]) => d),
    ),
  ];
  if (drugs.length === 1) add('drug', 'eq', drugs[0] as string);
  else if (drugs.length > 1) add('drug', 'in', drugs);

  const sites = [
    [/\blumbar(?: spine)?\b|\bspine\b/, 'Lumbar spine'],
    [/\bfemoral neck\b/, 'Femoral neck'],
    [/\b(?:total )?hips?\b/, 'Total hip'],
  ] as const;
  const foundSites = sites.filter(([p]) => p.test(text)).map(([, s]) => s);
  if (foundSites.length === 1) add('site', 'eq', foundSites[0] as string);
  else if (foundSites.length > 1) add('site', 'in', foundSites);

  if (/\bnon[- ]?smok(?:ers?|ing)\b|\bnever smoked\b|\bdo(?:n't| not) smoke\b/.test(text)) add('smoker', 'eq', false);
  else if (/\bsmokers?\b|\bwho smoke\b/.test(text) && !/\bsmok(?:ing|er) status\b/.test(text))
    add('smoker', 'eq', true);

  const region =
    /\b(?:in|from) the (north|south|east|west|central)(?:ern)?\b|\b(north|south|east|west|central)(?:ern)? region\b/.exec(
      text,
    );
  const regionName = region?.[1] ?? region?.[2];
  if (regionName) add('region', 'eq', regionName[0]?.toUpperCase() + regionName.slice(1));

  const clinic =
    /\b(cardiology|rheumatology|endocrinology|general)\s+clinics?\b|\b(?:seen in|attended|at) (cardiology|rheumatology|endocrinology)\b/.exec(
      text,
    );
  const clinicName = clinic?.[1] ?? clinic?.[2];
  if (clinicName) add('clinic', 'eq', clinicName[0]?.toUpperCase() + clinicName.slice(1));
  if (/\bfollow[- ]?ups? (?:booked|visits?|appointments?)\b|\bwith a follow[- ]?up\b/.test(text))
    add('follow_up', 'eq', true);

  return { filters: filters.filter((f) => !removeFields.includes(f.field)), removeFields };
}

function extractAges(text: string, add: (field: string, op: FilterOp, value: number) => void): void {
  const age = (s: string | undefined) => {
    const n = Number(s);
    return Number.isInteger(n) && n >= 0 && n <= 120 ? n : null;
  };
  const bound = (op: FilterOp, s: string | undefined) => {
    const n = age(s);
    if (n !== null) add('age', op, n);
  };
  let m: RegExpExecArray | null;
  if ((m = /\b(?:aged?\s+)?between\s+(\d{1,3})\s+and\s+(\d{1,3})\b/.exec(text))) {
    bound('gte', m[1]);
    bound('lte', m[2]);
  } else if ((m = /\baged?\s+(\d{1,3})\s*(?:-|–|to)\s*(\d{1,3})\b/.exec(text))) {
    bound('gte', m[1]);
    bound('lte', m[2]);
  } else if ((m = /\bin their (\d)0s\b/.exec(text))) {
    bound('gte', `${m[1]}0`);
    bound('lte', `${m[1]}9`);
  }
  if (
    (m =
      /\b(\d{1,3})\s*(?:\+|or older|or over|and over|and older|or above|years? (?:old )?(?:or|and) (?:older|over))/.exec(
        text,
      ))
  )
    bound('gte', m[1]);
  if (
    (m =
      /\b(\d{1,3})\s*(?:or younger|or under|and under|and younger|years? (?:old )?(?:or|and) (?:younger|under))/.exec(
        text,
      ))
  )
    bound('lte', m[1]);
  if (
    (m =
      /\b(?:over|older than|above|greater than|more than)\s+(?:the age of\s+|age\s+)?(\d{1,3})\b(?!\s*(?:\.\d|mg|%|kg))/.exec(
        text,
      ))
  )
    bound('gt', m[1]);
  if ((m = /\b(?:aged )?at least\s+(\d{1,3})\b(?!\s*(?:\.\d|mg|%))/.exec(text))) bound('gte', m[1]);
  if (
    (m = /\b(?:under|younger than|below|less than)\s+(?:the age of\s+|age\s+)?(\d{1,3})\b(?!\s*(?:\.\d|mg|%|kg))/.exec(
      text,
    ))
  )
    bound('lt', m[1]);
  if ((m = /\baged\s+(\d{1,3})\b(?!\s*(?:-|–|to|\+|or|and))/.exec(text))) bound('eq', m[1]);
  if (/\b(?:elderly|older (?:patients|adults|people))\b/.test(text)) bound('gte', '65');
}

const REMOVABLE: Readonly<Record<string, string>> = {
  age: 'age',
  ages: 'age',
  sex: 'sex',
  gender: 'sex',
  drug: 'drug',
  statin: 'drug',
  site: 'site',
  region: 'region',
  smoking: 'smoker',
  bmi: 'bmi',
  clinic: 'clinic',
};

/** Fields the user asks to stop filtering on: "regardless of sex", "drop the age filter". */
function extractRemovals(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(
    /\b(?:regardless of|any|all|whatever|irrespective of)\s+(?:the\s+)?(ages?|sex|gender|drug|statin|site|region|smoking)\b/g,
  )) {
    const field = REMOVABLE[m[1] ?? ''];
    if (field) found.add(field);
  }
  for (const m of text.matchAll(
    /\b(?:drop|remove|clear|forget|ignore|without)\s+the\s+(\w+)\s+(?:filter|restriction|condition|limit)s?\b/g,
  )) {
    const field = REMOVABLE[m[1] ?? ''];
    if (field) found.add(field);
  }
  if (/\bboth sexes\b|\bmen and women\b|\bwomen and men\b/.test(text)) found.add('sex');
  return [...found];
}
