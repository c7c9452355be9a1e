import { Schema, type Connection, type Model } from 'mongoose';
import type { InstanceEvent } from './instance.model.ts';
import { jsonFields } from './json-fields.ts';

/**
 * An order event that came before the order's journey started (a fulfilment before
 * `order.created`), kept to be applied when it starts. `_id` is the workflow's correlation key
 * then the event key, so a redelivery keeps it once. Small by design: taken when the journey
 * starts, dropped after the retention.
 */
export interface EarlyEventRecord {
  _id: string;
  /** `workflowId:correlation` (see `correlationKeyOf`). */
  correlation: string;
  event: InstanceEvent;
  keptAt: Date;
}

export function earlyEventModels(connection: Connection): {
  EarlyEvents: Model<EarlyEventRecord>;
} {
  return {
    EarlyEvents: connection.model(
      'EarlyEvent',
      new Schema(
        {
          _id: String,
          correlation: { type: String, required: true },
          event: { type: String, required: true },
          keptAt: { type: Date, required: true },
        },
        { versionKey: false, minimize: false, collection: 'earlyEvents' },
      ),
    ) as unknown as Model<EarlyEventRecord>,
  };
}

/** The event is JSON text (see json-fields.ts). */
export const earlyEventJson = jsonFields<EarlyEventRecord>('event');
