export { INSTANCE_OUTCOMES, outcomeOf, type InstanceOutcome } from '../model/instance-outcome.ts';

/** What the instance list filters by: a stored status, or the outcome of an ended one. */
export const LIST_STATUSES = ['active', 'done', 'completed', 'failed', 'cancelled'] as const;
export type ListStatus = (typeof LIST_STATUSES)[number];

/**
 * The store query for instances with `status`. An instance that ended is stored as `done`
 * whether its end node completed or failed; the step that ends it stores its `outcome`
 * beside (instances that ended before the field existed get it at start-up,
 * instances/outcome-backfill.ts).
 */
export function statusQuery(status: ListStatus): Record<string, unknown> {
  if (status === 'completed' || status === 'failed') return { status: 'done', outcome: status };
  return { status };
}
