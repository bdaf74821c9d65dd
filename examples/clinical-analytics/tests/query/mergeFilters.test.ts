import { mergeFilters } from '../../src/query/mergeFilters';
import type { Filter } from '../../src/query/types';

const f = (field: string, op: Filter['op'], value: Filter['value']): Filter => ({ field, op, value });

describe('mergeFilters', () => {
  it('adds a filter on a new field', () => {
    expect(mergeFilters([f('age', 'gt', 65)], [f('sex', 'eq', 'F')])).toEqual([
      f('age', 'gt', 65),
      f('sex', 'eq', 'F'),
    ]);
  });

  it('replaces an equality on the same field', () => {
    expect(mergeFilters([f('sex', 'eq', 'M')], [f('sex', 'eq', 'F')])).toEqual([f('sex', 'eq', 'F')]);
  });

  it('replaces a lower bound with a new lower bound', () => {
    expect(mergeFilters([f('age', 'gt', 65)], [f('age', 'gte', 70)])).toEqual([f('age', 'gte', 70)]);
  });

  it('keeps an upper bound when a lower bound arrives', () => {
    expect(mergeFilters([f('age', 'lt', 80)], [f('age', 'gt', 65)])).toEqual([f('age', 'lt', 80), f('age', 'gt', 65)]);
  });

  it('lets an equality replace both bounds', () => {
    expect(mergeFilters([f('age', 'gt', 65), f('age', 'lt', 80)], [f('age', 'eq', 70)])).toEqual([f('age', 'eq', 70)]);
  });

  it('lets a bound replace an equality', () => {
    expect(mergeFilters([f('age', 'eq', 70)], [f('age', 'lt', 50)])).toEqual([f('age', 'lt', 50)]);
  });

  it('lets "in" replace an equality on drugs', () => {
    expect(mergeFilters([f('drug', 'eq', 'simvastatin')], [f('drug', 'in', ['atorvastatin', 'rosuvastatin'])])).toEqual(
      [f('drug', 'in', ['atorvastatin', 'rosuvastatin'])],
    );
  });

  it('removes the fields the user drops', () => {
    expect(mergeFilters([f('age', 'gt', 65), f('sex', 'eq', 'F')], [], ['sex'])).toEqual([f('age', 'gt', 65)]);
  });

  it('ignores new filters on a dropped field', () => {
    expect(mergeFilters([], [f('sex', 'eq', 'F')], ['sex'])).toEqual([]);
  });

  it('keeps both bounds of a range from one refinement', () => {
    expect(mergeFilters([f('t_score', 'lte', -2.5)], [f('t_score', 'gt', -2.5), f('t_score', 'lte', -1)])).toEqual([
      f('t_score', 'gt', -2.5),
      f('t_score', 'lte', -1),
    ]);
  });

  it('does not modify its inputs', () => {
    const previous = [f('age', 'gt', 65)];
    const next = [f('age', 'gt', 70)];
    mergeFilters(previous, next);
    expect(previous).toEqual([f('age', 'gt', 65)]);
    expect(next).toEqual([f('age', 'gt', 70)]);
  });
});
