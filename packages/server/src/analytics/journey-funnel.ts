import type { WorkflowDocument } from '@xiaoer/engine';
import type { JourneyDay, NodeDay } from './rollup-documents.ts';
import type { JourneyFunnel, ReportPeriod } from './analytics-report.types.ts';
import { average } from './dashboard-report.ts';

/** Node types where a journey ends: instances there have not dropped off. */
const ENDS = new Set(['end']);

/** The funnel of a journey from its day documents, in the workflow's node order. */
export function journeyFunnel(
  workflow: WorkflowDocument,
  period: ReportPeriod,
  days: JourneyDay[],
  /** Active instances of the journey per node now. */
  resting: Readonly<Record<string, number>> = {},
): JourneyFunnel {
  const nodes = new Map<string, NodeDay>();
  let started = 0;
  let completed = 0;
  let cancelled = 0;
  for (const day of days) {
    started += day.started;
    completed += day.completed;
    cancelled += day.cancelled;
    for (const node of day.nodes) {
      const sum = nodes.get(node.nodeId);
      nodes.set(
        node.nodeId,
        sum
          ? {
              nodeId: node.nodeId,
              entered: sum.entered + node.entered,
              reached: (sum.reached ?? sum.entered) + (node.reached ?? node.entered),
              left: sum.left + node.left,
              time: { sum: sum.time.sum + node.time.sum, count: sum.time.count + node.time.count },
            }
          : node,
      );
    }
  }
  return {
    workflowId: workflow.id,
    name: workflow.name,
    period,
    started,
    completed,
    cancelled,
    nodes: workflow.nodes.map((node) => {
      const counted = nodes.get(node.id);
      const entered = counted?.entered ?? 0;
      // Days rolled up before instances were counted have only their entries.
      const reached = counted?.reached ?? entered;
      const left = counted?.left ?? 0;
      // Still waiting is not dropped off; a period that ended long ago counts none it never saw.
      const waiting = Math.min(resting[node.id] ?? 0, Math.max(0, entered - left));
      return {
        nodeId: node.id,
        label: node.label ?? node.id,
        type: node.type,
        entered,
        reached,
        left,
        waiting,
        dropped: ENDS.has(node.type) ? 0 : Math.max(0, entered - left - waiting),
        reachedRate: started > 0 ? Math.round((reached / started) * 10_000) / 10_000 : null,
        time: average(counted?.time ?? { sum: 0, count: 0 }),
      };
    }),
  };
}
