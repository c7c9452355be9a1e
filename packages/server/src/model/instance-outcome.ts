import type { InstanceStatus } from './instance.model.ts';

/** How an instance ended: its end node's status, or cancelled by an operator. */
export const INSTANCE_OUTCOMES = ['completed', 'failed', 'cancelled'] as const;
export type InstanceOutcome = (typeof INSTANCE_OUTCOMES)[number];

/** The end node's output, as the engine keeps it in the snapshot. */
interface EndedSnapshot {
  output?: unknown;
}

/**
 * The outcome of an instance with `status` and `snapshot`; undefined while it is active.
 * Stored on the instance (`outcome`) by the step that ends it.
 */
export function outcomeOf(
  status: InstanceStatus,
  snapshot: EndedSnapshot | undefined,
): InstanceOutcome | undefined {
  if (status === 'active') return undefined;
  if (status === 'cancelled') return 'cancelled';
  const output = snapshot?.output as { status?: unknown } | undefined;
  return output?.status === 'failed' ? 'failed' : 'completed';
}
