import type { EventIntake, IntakeResult } from '../intake/event-intake.ts';
import { readCloudEvents } from '../intake/cloud-event.ts';
import type { Translation } from '../intake/platforms/platform-json.ts';
import { ApiError } from './api-error.ts';
import type { Response } from 'express';
import { chatEventForbidden, chatOnlyProblems } from '../intake/chat-only-events.ts';
import { intakeStatus, refuseWhenOverloaded } from './events.route.ts';
import { refuseOutOfScope, type ScopedSource } from './source-event-types.ts';

/** The answer to a platform webhook: what was recorded, or why nothing was. */
export type WebhookAnswer =
  { status: number; body: { events: IntakeResult[] } } | { status: 200; body: { ignored: string } };

/**
 * Records what an adapter made of a webhook: a topic Xiaoer does not use answers 200 with the
 * reason; a malformed body of a topic it uses answers 400 with JSON pointers and stores nothing;
 * events while the runtime is too far behind answer 503 with Retry-After (the platform sends
 * them again), as `POST /api/events` does — except from a platform that never sends a delivery
 * again (`resends: false`, WooCommerce), whose events are taken however far behind.
 */
export async function acceptTranslation(
  intake: EventIntake,
  source: ScopedSource,
  translation: Translation,
  {
    response,
    derivedIds = false,
    topic = 'webhook',
    resends = true,
  }: {
    /** The answer under way (its Retry-After is set when refused for overload). */
    response: Response;
    /** The adapter derives event ids from the payload (Shopify, WooCommerce): see `record`. */
    derivedIds?: boolean;
    /** The platform's topic or message type, for the events page. */
    topic?: string;
    /**
     * Whether the platform sends a refused delivery again (default). WooCommerce does not: a
     * 503 would lose the event and count towards disabling its webhook, so it is taken even
     * while the runtime is behind (its background queue sends a few at a time).
     */
    resends?: boolean;
  },
): Promise<WebhookAnswer> {
  const sourceId = source.id;
  if ('ignored' in translation) {
    intake.refused(sourceId, 'topic-ignored', { type: topic, reason: translation.ignored });
    return { status: 200, body: { ignored: translation.ignored } };
  }
  if ('invalid' in translation) {
    intake.refused(sourceId, 'invalid', { type: topic, problems: translation.invalid });
    throw new ApiError(
      400,
      'invalid-payload',
      {
        zh: `通知内容不符合该主题的格式（${translation.invalid.length} 处）。`,
        en: `The webhook body does not fit its topic (${translation.invalid.length} problem(s)).`,
      },
      undefined,
      { problems: translation.invalid },
    );
  }
  const { events, problems } = readCloudEvents(translation.events);
  if (problems.length > 0) {
    intake.refused(sourceId, 'invalid', { type: topic, problems });
    throw new ApiError(
      400,
      'invalid-event',
      { zh: '无法从该通知生成事件。', en: 'The webhook does not make a valid event.' },
      undefined,
      { problems },
    );
  }
  // A mapped source's mapping could name the chat's own types: refused as from `/api/events`.
  const chatOnly = chatOnlyProblems(events, true);
  if (chatOnly.length > 0) {
    intake.refused(sourceId, 'invalid', { type: topic, problems: chatOnly });
    throw chatEventForbidden(chatOnly);
  }
  // A topic made into a type the source may not send: refused as from `/api/events` (403).
  refuseOutOfScope(intake, source, events, true);
  if (resends) refuseWhenOverloaded(intake, response);
  const results = await intake.record(sourceId, events, new Date(), { derivedIds });
  return { status: intakeStatus(results), body: { events: results } };
}
