/** Comparison operators a filter can use. */
export type FilterOp = 'eq' | 'neq' | 'gt' | 'gte' | 'lt' | 'lte' | 'in';
export const FILTER_OPS: readonly FilterOp[] = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'in'];

export type FilterValue = string | number | boolean | (string | number)[];

/** One condition on a canonical field, e.g. `{ field: 'age', op: 'gt', value: 65 }`. */
export interface Filter {
  field: string;
  op: FilterOp;
  value: FilterValue;
}

/** What the question asks for. */
export type QueryIntent = 'count' | 'group_count' | 'describe' | 'unknown';
export const QUERY_INTENTS: readonly QueryIntent[] = ['count', 'group_count', 'describe', 'unknown'];

/** A question turned into something executable. */
export interface ParsedQuery {
  question: string;
  intent: QueryIntent;
  /** Datasets a patient must appear in (e.g. `statin` for "statin users"), besides the population. */
  datasets: string[];
  /** Field to break counts down by (`group_count`). */
  groupBy: string | null;
  /** Numeric field to summarise (`describe`). */
  measure: string | null;
  filters: Filter[];
}
