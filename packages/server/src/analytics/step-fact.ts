import type { StepRecord } from '../model/instance.model.ts';
import type { StepFact } from './analytics-facts.ts';

/**
 * The fact a committed journey step records, under its id (`step|<step>`): the nodes it left and
 * entered, how it ended, and how long the instance rested where it was (`previousAt` is the time
 * of the instance's previous step), and when the instance started (the day it is counted in).
 * `loops`: the journey's nodes on a loop (journey-loops.ts), null when its graph is not known.
 * Null for a step that moved nothing and ended nothing.
 */
export function stepFactOf(
  step: StepRecord,
  workflowId: string,
  loops: ReadonlySet<string> | null,
  previousAt?: Date,
): { id: string; fact: StepFact } | null {
  const started = step.revision === 1;
  // Read warily: this runs in the runtime's commit listener, which must not throw.
  const context = (step.snapshot as Partial<StepRecord['snapshot']> | undefined)?.context;
  const startedAt = new Date(context?.startedAt ?? Number.NaN);
  const entered = [
    ...(started && step.path[0] ? [step.path[0].nodeId] : []),
    ...step.path.map((p) => p.target),
  ];
  const fact: StepFact = {
    kind: 'step',
    at: step.at,
    workflowId,
    instanceId: step.instanceId,
    started,
    entered,
    left: step.path.map((p) => p.nodeId),
    outcomes: step.path.map((p) => p.outcome),
    ...(loops === null || loops.size > 0
      ? { onLoop: [...new Set(entered)].filter((node) => loops === null || loops.has(node)) }
      : {}),
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
