import type { StepRecord } from '../model/instance.model.ts';
import type { StepFact } from './analytics-facts.ts';

/**
 * The fact a committed journey step records, under its id (`step|<step>`): the nodes it left and
 * entered, how it ended, and how long the instance rested where it was (`previousAt` is the time
 * of the instance's previous step), and when the instance started (the day it is counted in).
 * Null for a step that moved nothing and ended nothing.
 */
export function stepFactOf(
  step: StepRecord,
  workflowId: string,
  previousAt?: Date,
): { id: string; fact: StepFact } | null {
  const started = step.revision === 1;
  // Read warily: this runs in the runtime's commit listener, which must not throw.
  const context = (step.snapshot as Partial<StepRecord['snapshot']> | undefined)?.context;
  const startedAt = new Date(context?.startedAt ?? Number.NaN);
  const fact: StepFact = {
    kind: 'step',
    at: step.at,
    workflowId,
    started,
    entered: [
      ...(started && step.path[0] ? [step.path[0].nodeId] : []),
      ...step.path.map((p) => p.target),
    ],
    left: step.path.map((p) => p.nodeId),
    ...(step.status !== 'active' ? { ended: step.status } : {}),
    ...(previousAt && step.from && step.path[0]?.nodeId === step.from
      ? { rested: { nodeId: step.from, ms: step.at.getTime() - previousAt.getTime() } }
      : {}),
    ...(Number.isNaN(startedAt.getTime()) ? {} : { startedAt }),
  };
  return fact.entered.length + fact.left.length > 0 || fact.ended
    ? { id: `step|${step._id}`, fact }
    : null;
}
