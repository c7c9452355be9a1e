import type { CloudEvent } from '../intake/cloud-event.ts';
import type { EventProblem } from '../errors/event-problems.ts';
import type { EventSource } from '../intake/event-source.ts';
import type { EventIntake } from '../intake/event-intake.ts';
import { typeInScope } from '../intake/event-type-scope.ts';
import { ApiError } from './api-error.ts';

/** A source as its scope is checked: its id and the event types it may send. */
export type ScopedSource = Pick<EventSource, 'id' | 'eventTypes'>;

/**
 * The events of a delivery that `source` may not send (their type is outside its
 * `eventTypes`), each located at its `type` (`/3/type` in a batch). A leaked secret then sends
 * only what the source was given it for: a marketing tool scoped to `coupon.*` cannot start a
 * refund journey with `refund.requested`. None for a source without a scope.
 */
function outOfScopeProblems(
  source: ScopedSource,
  events: readonly CloudEvent[],
  batch: boolean,
): EventProblem[] {
  return events.flatMap((event, index) => {
    if (typeInScope(source.eventTypes, event.type)) return [];
    const type = event.type.slice(0, 100);
    const text = {
      zh: `来源 "${source.id}" 不能发送 "${type}" 类型的事件`,
      en: `Source "${source.id}" may not send events of type "${type}"`,
    };
    return [{ pointer: `${batch ? `/${index}` : ''}/type`, message: text.en, text }];
  });
}

/**
 * Refuses a delivery holding an event `source` may not send, as a chat-only one is: noted on
 * the events page (outcome `invalid`, the first such type, the problems with the source named)
 * and answered 403 `event-type-not-allowed`, nothing recorded; a batch is refused whole.
 */
export function refuseOutOfScope(
  intake: Pick<EventIntake, 'refused'>,
  source: ScopedSource,
  events: readonly CloudEvent[],
  batch: boolean,
): void {
  const first = events.find((event) => !typeInScope(source.eventTypes, event.type));
  if (!first) return;
  const problems = outOfScopeProblems(source, events, batch);
  const shown = first.type.slice(0, 100);
  intake.refused(source.id, 'invalid', { type: shown, problems });
  throw new ApiError(
    403,
    'event-type-not-allowed',
    {
      zh: `来源 "${source.id}" 不能发送 "${shown}" 类型的事件（共 ${problems.length} 个事件超出它可发送的事件类型）；未记录任何事件。`,
      en: `Source "${source.id}" may not send events of type "${shown}" (${problems.length} event(s) outside the event types it may send); nothing was recorded.`,
    },
    undefined,
    { source: source.id, type: shown, problems },
  );
}
