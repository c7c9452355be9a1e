import { randomUUID } from 'node:crypto';
import type { EventOutcome, EventRecord } from '../../model/event.model.ts';
import type {
  ReceivedEventDetail,
  ReceivedEventEntry,
  ReceivedEventOutcome,
} from '../../model/received-event.model.ts';
import type { Received } from '../received-outcome.ts';

/** Data fields that name the order or conversation an event concerns (the page's filter). */
const REF_FIELDS = ['orderId', 'orderNumber', 'conversationId'] as const;

/** The events page's entry for one delivery the intake told of. */
export function receivedEntryOf(received: Received, now = new Date()): ReceivedEventEntry {
  const { source, record, routing, refused } = received;
  const detail: ReceivedEventDetail = {
    instances: [],
    waiting: [],
    early: [],
    reasons: refused?.reason ? [refused.reason] : [],
    problems: refused?.problems ?? [],
  };
  let outcome: ReceivedEventOutcome = received.outcome;
  if (routing) {
    outcome = routedOutcome(routing);
    detail.instances = [...routing.started, ...routing.routed, ...routing.parked];
    detail.waiting = routing.waiting ?? [];
    detail.early = routing.early ?? [];
    detail.reasons = routing.ignored.map((i) => `${i.workflowId}: ${i.reason}`);
    if (routing.ignored.length > 0 && routing.ignored.every((i) => i.text))
      detail.reasonTexts = routing.ignored.map(({ workflowId, text }) => ({
        zh: `${workflowId}：${text?.zh ?? ''}`,
        en: `${workflowId}: ${text?.en ?? ''}`,
      }));
    detail.problems = routing.ignored.flatMap((i) => i.problems ?? []);
  }
  if (received.recovered) detail.recovered = true;
  // A duplicate or a failure is an entry of its own beside the first delivery's.
  const at = record && received.outcome !== 'duplicate' ? record.receivedAt : now;
  const suffix = routing ? '' : `|${received.outcome}|${randomUUID().slice(0, 8)}`;
  return {
    _id: `${at.toISOString()}|${record?._id ?? source}${suffix}`,
    at,
    source,
    type: record?.type ?? refused?.type ?? 'unknown',
    ...(record ? { key: record._id } : {}),
    outcome,
    refs: refsOf(record, detail.instances),
    detail,
  };
}

/**
 * The entries of one delivery: its own and, when it started a journey that then applied events
 * which came early, one `routed` entry for each of those (its first entry stays `early`).
 */
export function receivedEntriesOf(received: Received, now = new Date()): ReceivedEventEntry[] {
  const late = (received.routing?.appliedEarly ?? []).map(
    ({ key, type, instanceId }): ReceivedEventEntry => ({
      _id: `${now.toISOString()}|${key}|applied`,
      at: now,
      source: key.slice(0, key.indexOf('/')),
      type,
      key,
      outcome: 'routed',
      refs: refsOf(received.record, [instanceId]),
      detail: {
        instances: [instanceId],
        waiting: [],
        early: [],
        reasons: [],
        problems: [],
        late: true,
      },
    }),
  );
  return [receivedEntryOf(received, now), ...late];
}

/**
 * The page's word for a routing outcome: like the metrics' one, but data that broke every
 * journey's trigger contract is `invalid` (with pointers) and an event kept for a journey that
 * has not started is `early`.
 */
function routedOutcome(routing: EventOutcome): ReceivedEventOutcome {
  if (routing.started.length > 0) return 'started';
  if (routing.routed.length > 0) return 'routed';
  if (routing.parked.length > 0) return 'parked';
  if ((routing.early?.length ?? 0) > 0) return 'early';
  if (routing.ignored.length > 0)
    return routing.ignored.every((i) => (i.problems?.length ?? 0) > 0) ? 'invalid' : 'ignored';
  return 'unmatched';
}

/** Order ids and numbers in the data, and the correlation values of the instances reached. */
function refsOf(record: EventRecord | undefined, instances: string[]): string[] {
  const refs = new Set<string>();
  for (const field of REF_FIELDS) {
    const value = record?.data[field];
    if (typeof value === 'string' || typeof value === 'number') refs.add(String(value));
  }
  // `workflow:correlation:generation`; workflow ids hold no `:`, correlation values may.
  for (const id of instances) {
    const correlation = id.slice(id.indexOf(':') + 1, id.lastIndexOf(':'));
    if (correlation) refs.add(correlation);
  }
  return [...refs];
}
