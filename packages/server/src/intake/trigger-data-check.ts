import { triggerDataProblems, type JsonObject } from '@xiaoer/engine';
import type { EventProblem } from '../errors/event-problems.ts';
import type { RoutableWorkflow } from '../workflows/workflow-catalog.ts';

/**
 * Why no journey could take an event, judged from the published workflows alone (no store
 * read): its type only starts journeys — no published node waits for it, so neither a waiting
 * instance nor an early-event keep could take it — and the data breaks the data schema of every
 * journey it would start. Null when something could take it: a trigger that accepts the data
 * (or declares no schema), a node that waits for the type, or no journey starting on it at
 * all (then it is recorded `unmatched`, as before). The problems are deduplicated (two journeys
 * with the same contract say the same thing once).
 */
export function refusedTriggerData(
  workflows: readonly RoutableWorkflow[],
  type: string,
  data: JsonObject,
): EventProblem[] | null {
  const starters = workflows.filter((w) => !w.archived && w.trigger.event === type);
  if (starters.length === 0 || workflows.some((w) => w.awaits.includes(type))) return null;
  const problems = new Map<string, EventProblem>();
  for (const { trigger } of starters) {
    if (!trigger.data) return null;
    const found = triggerDataProblems(trigger.data, data);
    if (found.length === 0) return null;
    for (const { pointer, reason, text } of found)
      problems.set(`${pointer} ${reason}`, { pointer, message: reason, text });
  }
  return [...problems.values()];
}
