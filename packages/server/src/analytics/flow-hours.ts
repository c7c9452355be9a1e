import type { JourneyHourRecord, WaitingOutcomesRecord } from '../model/analytics.model.ts';
import type { AnalyticsFact } from './analytics-facts.ts';
import type { StepFact } from './analytics-facts.ts';

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/**
 * The editor's counts of steps per outcome (`node/outcome`), rolled up per journey and hour by
 * the minute: where a step fact is counted, how it is added, and how a window is summed.
 */

const hourOf = (at: Date): Date => new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS);

/** The `_id` of the hour document of `workflowId` that counts a step at `at`. */
export const flowHourId = (workflowId: string, at: Date): string =>
  `${workflowId}|${hourOf(at).toISOString()}`;

/** The hour documents a window from `since` to `until` reads (an hour more for a clock ahead). */
export function flowHourIds(workflowId: string, since: Date, until: Date): string[] {
  const ids: string[] = [];
  for (let t = hourOf(since).getTime(); t <= until.getTime() + HOUR_MS; t += HOUR_MS)
    ids.push(`${workflowId}|${new Date(t).toISOString()}`);
  return ids;
}

export function emptyFlowHour(id: string): JourneyHourRecord {
  const split = id.lastIndexOf('|');
  return {
    _id: id,
    workflowId: id.slice(0, split),
    hour: new Date(id.slice(split + 1)),
    batches: [],
    outcomes: [],
  };
}

/** Each outcome a step fact took, as `node/outcome` (none on facts of older versions). */
export function outcomesTaken(fact: StepFact): string[] {
  const { outcomes } = fact;
  if (!outcomes) return [];
  return fact.left.flatMap((node, i) =>
    outcomes[i] === undefined ? [] : [`${node}/${outcomes[i]}`],
  );
}

/** Counts a step fact's outcomes in its minute of `hour` (the document of its hour). */
export function addToFlowHour(hour: JourneyHourRecord, fact: StepFact): void {
  const minute = new Date(fact.at).getUTCMinutes();
  for (const outcome of outcomesTaken(fact)) {
    const counted = hour.outcomes.find((o) => o.outcome === outcome && o.minute === minute);
    if (counted) counted.count += 1;
    else hour.outcomes.push({ outcome, minute, count: 1 });
  }
}

/** The start of the minute `at` falls in (a window's start: its minute's steps count whole). */
const minuteOf = (at: Date): number => Math.floor(at.getTime() / MINUTE_MS) * MINUTE_MS;

/** Adds the steps an hour document counts from `since`'s minute on. */
export function addHourSince(
  counts: Record<string, number>,
  hour: JourneyHourRecord,
  since: Date,
): void {
  const from = minuteOf(since);
  const start = new Date(hour.hour).getTime();
  for (const { outcome, minute, count } of hour.outcomes)
    if (start + minute * MINUTE_MS >= from) counts[outcome] = (counts[outcome] ?? 0) + count;
}

/** The steps per outcome, journey and minute of a pack of facts; empty when it has none. */
export function waitingOutcomesOf(
  facts: readonly AnalyticsFact[],
): WaitingOutcomesRecord['outcomes'] {
  const counted = new Map<string, WaitingOutcomesRecord['outcomes'][number]>();
  for (const fact of facts) {
    if (fact.kind !== 'step') continue;
    const minute = new Date(minuteOf(new Date(fact.at)));
    for (const outcome of outcomesTaken(fact)) {
      const key = `${fact.workflowId}|${minute.getTime()}|${outcome}`;
      const entry = counted.get(key);
      if (entry) entry.count += 1;
      else counted.set(key, { workflowId: fact.workflowId, minute, outcome, count: 1 });
    }
  }
  return [...counted.values()];
}

/** Adds a waiting pack's steps of `workflowId`, but those of a minute before `since`'s. */
export function addWaitingSince(
  counts: Record<string, number>,
  waiting: WaitingOutcomesRecord['outcomes'][number],
  since: Date,
): void {
  if (new Date(waiting.minute).getTime() < minuteOf(since)) return;
  counts[waiting.outcome] = (counts[waiting.outcome] ?? 0) + waiting.count;
}
