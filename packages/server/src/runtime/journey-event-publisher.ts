import type { EventPublisher, PublishedEvent } from '../connectors/connector.types.ts';
import type { CloudEvent } from '../intake/cloud-event.ts';
import type { WorkflowCatalog } from '../workflows/workflow-catalog.ts';

/** The event source of events that journeys emitted for other journeys (`journeys/<effect>`). */
export const JOURNEY_SOURCE = 'journeys';

/** Where an emitted event goes inside Xiaoer: the intake, as if a source had sent it. */
export type JourneyEventSink = (source: string, event: CloudEvent) => Promise<unknown>;

/**
 * Publishes a journey's `emit` effects to the shop (the configured publisher) and, when a
 * published journey starts on that event type, to that journey too: refund-by-chat emits
 * `refund.requested` and the refund journey, with its amount, reason, tier and review rules,
 * takes it from there. The effect's id is the event's id, so a retried delivery is a duplicate.
 */
export class JourneyEventPublisher implements EventPublisher {
  readonly #external: EventPublisher;
  readonly #catalog: WorkflowCatalog;
  #sink: JourneyEventSink | undefined;

  constructor(external: EventPublisher, catalog: WorkflowCatalog) {
    this.#external = external;
    this.#catalog = catalog;
  }

  /** The intake is made after the connectors (it needs the runtime they feed). */
  deliverTo(sink: JourneyEventSink): void {
    this.#sink = sink;
  }

  async publish(event: PublishedEvent): Promise<void> {
    await this.#external.publish(event);
    const sink = this.#sink;
    if (!sink) return;
    const routable = await this.#catalog.routable();
    if (!routable.some((w) => !w.archived && w.trigger.event === event.event)) return;
    await sink(JOURNEY_SOURCE, {
      id: event.idempotencyKey,
      type: event.event,
      source: JOURNEY_SOURCE,
      data: { ...event.data, emittedBy: event.instanceId },
    });
  }
}
