import { buildCohort, cohortRows } from '../analysis/cohort';
import { type ColumnSummary, describeColumn } from '../analysis/describe';
import { type GroupCount, groupCounts } from '../analysis/groupCounts';
import { AppError } from '../errors';
import type { DataContext } from './dataContext';
import type { ParsedQuery } from './types';

/** What running a query produced; `cohortSize` is the number of patients that matched. */
export type QueryResult =
  | { kind: 'count'; cohortSize: number; populationSize: number }
  | { kind: 'group_count'; cohortSize: number; field: string; groups: GroupCount[] }
  | { kind: 'describe'; cohortSize: number; field: string; summary: ColumnSummary };

/**
 * Runs a parsed query against loaded data. Pure: no LLM, no IO.
 * @throws {AppError} UNSUPPORTED_QUESTION when the intent is unknown or lacks its field;
 *   UNKNOWN_FIELD / DATASET_NOT_FOUND / INVALID_FILTER from the data layer.
 */
export function executeQuery(query: ParsedQuery, context: DataContext): QueryResult {
  const cohort = buildCohort(context, query.filters, query.datasets);
  switch (query.intent) {
    case 'count':
      return { kind: 'count', cohortSize: cohort.ids.size, populationSize: context.population.table.numRows };
    case 'group_count': {
      if (!query.groupBy) throw unsupported(query, 'it asks for a breakdown but names no field to group by');
      const owner = context.field(query.groupBy);
      const rows = cohortRows(context, cohort, owner.dataset);
      const table = context.dataset(owner.dataset);
      const groups = groupCounts(table.table, query.groupBy, { rows, distinctBy: table.key });
      return { kind: 'group_count', cohortSize: cohort.ids.size, field: query.groupBy, groups };
    }
    case 'describe': {
      if (!query.measure) throw unsupported(query, 'it asks for a summary but names no measure');
      const owner = context.field(query.measure);
      if (owner.kind !== 'numeric') throw unsupported(query, `"${query.measure}" is not a numeric field`);
      const rows = cohortRows(context, cohort, owner.dataset);
      const summary = describeColumn(context.dataset(owner.dataset).table, query.measure, rows);
      return { kind: 'describe', cohortSize: cohort.ids.size, field: query.measure, summary };
    }
    case 'unknown':
      throw unsupported(query, 'it was not understood as a count, breakdown or summary');
  }
}

function unsupported(query: ParsedQuery, why: string): AppError {
  return new AppError('UNSUPPORTED_QUESTION', `Cannot answer "${query.question}": ${why}`, {
    fix: 'ask e.g. "how many women over 65 take a statin?" or "average T-score by site"',
  });
}
