import { Schema, type Connection, type Model } from 'mongoose';

/**
 * One process's run of slots in a timer bucket, `_id` `<bucket>@<n>` (`<bucket>` is
 * `<epoch second>.<shard>`). Lane 0 is inserted by whoever creates the bucket; each other
 * process adding to the bucket inserts the next free lane. Coverage marks `<lane>!<w>` (same
 * collection, `size` (w + 1) × the window) say that every slot of windows ≤ w whose add
 * returned is written; lanes of older versions kept `size` up to date on the lane itself.
 */
export interface TimerLaneRecord {
  _id: string;
  startsAt: Date;
  size: number;
}

/** One timer's place in a lane, `_id` `<lane>#<index>`: inserted once, read by `_id`. */
export interface TimerSlotRecord {
  _id: string;
  timer: string;
  dueAt: Date;
}

const options = { versionKey: false, minimize: false } as const;

export function timerSlotModels(connection: Connection): {
  TimerLanes: Model<TimerLaneRecord>;
  TimerSlots: Model<TimerSlotRecord>;
} {
  return {
    TimerLanes: connection.model(
      'TimerLane',
      new Schema(
        {
          _id: String,
          startsAt: { type: Date, required: true },
          size: { type: Number, required: true },
        },
        { ...options, collection: 'timerLanes' },
      ),
    ) as unknown as Model<TimerLaneRecord>,
    TimerSlots: connection.model(
      'TimerSlot',
      new Schema(
        {
          _id: String,
          timer: { type: String, required: true },
          dueAt: { type: Date, required: true },
        },
        { ...options, collection: 'timerSlots' },
      ),
    ) as unknown as Model<TimerSlotRecord>,
  };
}
