/** @tags integration */
import { describeWithDataset } from '@jest-perf/datasets';
import { buildCohort, cohortCount } from '../../src/analysis/cohort';
import { columnValues } from '../../src/analysis/columnValues';
import type { DataContext } from '../../src/query/dataContext';
import { executeQuery } from '../../src/query/executeQuery';
import type { ParsedQuery } from '../../src/query/types';
import { dataContextOf, datasets, type SharedDataset, sharedDatasets } from '../fixtures/datasets';

const query = (overrides: Partial<ParsedQuery>): ParsedQuery => ({
  question: 'test',
  intent: 'count',
  datasets: [],
  groupBy: null,
  measure: null,
  filters: [],
  ...overrides,
});

// The context holds every dataset (one test lists them all); skipped, with the reason, when one is missing.
describeWithDataset(datasets, datasets.names(), 'cohort counts over the real datasets', () => {
  let loaded: ReadonlyMap<string, SharedDataset>;
  let context: DataContext;

  // Read-only here: loaded once per worker and shared with the other files that read them.
  beforeAll(async () => {
    loaded = await sharedDatasets();
    context = dataContextOf(loaded);
  });

  it('counts the whole population without filters', () => {
    expect(cohortCount(context, [])).toBe(200_000);
  });

  it('counts patients over 65', () => {
    const ages = columnValues(loaded.get('patients')!.table, 'age') as number[];
    expect(cohortCount(context, [{ field: 'age', op: 'gt', value: 65 }])).toBe(ages.filter((a) => a > 65).length);
  });

  it('counts statin users as distinct patients, not prescriptions', () => {
    const users = cohortCount(context, [], ['statin']);
    expect(users).toBe(new Set(columnValues(loaded.get('statin')!.table, 'patient_id')).size);
    expect(users).toBeLessThan(loaded.get('statin')!.table.numRows);
  });

  it('answers "statin users over 65 with a DEXA scan"', () => {
    const count = cohortCount(context, [{ field: 'age', op: 'gt', value: 65 }], ['statin', 'dexa']);
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(cohortCount(context, [{ field: 'age', op: 'gt', value: 65 }], ['statin']));
  });

  it('applies filters of another dataset to the same row', () => {
    const atorva40 = cohortCount(context, [
      { field: 'drug', op: 'eq', value: 'atorvastatin' },
      { field: 'dose_mg', op: 'gte', value: 40 },
    ]);
    const atorva = cohortCount(context, [{ field: 'drug', op: 'eq', value: 'atorvastatin' }]);
    expect(atorva40).toBeGreaterThan(0);
    expect(atorva40).toBeLessThan(atorva);
  });

  it('makes statin users older than the population on average', () => {
    const cohort = buildCohort(context, [], ['statin']);
    const patients = loaded.get('patients')!.table;
    const ids = columnValues(patients, 'patient_id');
    const ages = columnValues(patients, 'age') as number[];
    let sum = 0;
    let n = 0;
    ids.forEach((id, i) => {
      if (cohort.ids.has(id)) {
        sum += ages[i] as number;
        n += 1;
      }
    });
    expect(sum / n).toBeGreaterThan(ages.reduce((s, a) => s + a, 0) / ages.length);
  });

  it('finds osteoporosis mostly in women', () => {
    const result = executeQuery(
      query({ intent: 'group_count', groupBy: 'sex', filters: [{ field: 't_score', op: 'lte', value: -2.5 }] }),
      context,
    );
    expect(result.kind === 'group_count' && result.groups[0]?.value).toBe('F');
  });

  it('breaks statin users down by drug with atorvastatin first', () => {
    const result = executeQuery(query({ intent: 'group_count', groupBy: 'drug', datasets: ['statin'] }), context);
    expect(result.kind === 'group_count' && result.groups.map((g) => g.value)[0]).toBe('atorvastatin');
  });

  it('describes T-scores of women over 70', () => {
    const result = executeQuery(
      query({
        intent: 'describe',
        measure: 't_score',
        filters: [
          { field: 'sex', op: 'eq', value: 'F' },
          { field: 'age', op: 'gte', value: 70 },
        ],
      }),
      context,
    );
    expect(result.kind).toBe('describe');
    if (result.kind === 'describe' && result.summary.kind === 'numeric') expect(result.summary.mean).toBeLessThan(-1);
  });

  it('names the known fields when a field is unknown', () => {
    expect(() => cohortCount(context, [{ field: 'eye_colour', op: 'eq', value: 'blue' }])).toThrow(
      'Unknown field "eye_colour" (known: age',
    );
  });

  it('names the loaded datasets when a required dataset is unknown', () => {
    expect(() => cohortCount(context, [], ['mri'])).toThrow(
      'Dataset "mri" is not loaded (loaded: dexa, labs, patients, statin, visits)',
    );
  });

  it('refuses to describe a text field', () => {
    expect(() => executeQuery(query({ intent: 'describe', measure: 'region' }), context)).toThrow(
      '"region" is not a numeric field',
    );
  });

  it('refuses an unknown intent with an example question', () => {
    expect(() => executeQuery(query({ intent: 'unknown' }), context)).toThrow('how many women over 65 take a statin?');
  });
});
