import type { InstanceStatus } from '../model/instance.model.ts';

/** How an instance ended: its end node's status, or cancelled by an operator. */
export const INSTANCE_OUTCOMES = ['completed', 'failed', 'cancelled'] as const;
export type InstanceOutcome = (typeof INSTANCE_OUTCOMES)[number];

/** What the instance list filters by: a stored status, or the outcome of an ended one. */
export const LIST_STATUSES = ['active', 'done', 'completed', 'failed', 'cancelled'] as const;
export type ListStatus = (typeof LIST_STATUSES)[number];

/** The end node's output, as the engine keeps it in the snapshot. */
interface EndedSnapshot {
  output?: { status?: string };
}

/** The outcome of an instance with `status` and `snapshot`; undefined while it is active. */
export function outcomeOf(
  status: InstanceStatus,
  snapshot: EndedSnapshot | undefined,
): InstanceOutcome | undefined {
  if (status === 'active') return undefined;
  if (status === 'cancelled') return 'cancelled';
  return snapshot?.output?.status === 'failed' ? 'failed' : 'completed';
}

/**
 * The store query for instances with `status`. An instance that ended is stored as `done`
 * whether its end node completed or failed (the runtime does not store the outcome apart
 * yet); the outcome is in the end node's output inside the snapshot, which is kept as JSON
 * text (model/json-fields.ts), so it is matched as text: `"output":{"status":"failed"`. The
 * engine writes the output's `status` first. A scan, like every instance filter on FerretDB 1.x.
 */
export function statusQuery(status: ListStatus): Record<string, unknown> {
  if (status === 'completed' || status === 'failed')
    return { status: 'done', snapshot: { $regex: `"output":\\{"status":"${status}"` } };
  return { status };
}
